import type { ReactNode } from 'react';
import { CreateButton, FilterButton, TopToolbar, useResourceDefinition } from 'react-admin';
import { ExportCsvButton } from '../layout/ExportCsvButton';

/**
 * The shared ListActions plus the "add a filter" button, which a list with filters beyond
 * the always-on search needs (react-admin drops it once `actions` is given).
 */
export const FilteredListActions = ({ children }: { children?: ReactNode }) => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar sx={{ alignItems: 'center' }}>
      {children}
      <FilterButton />
      {hasCreate && <CreateButton />}
      <ExportCsvButton />
    </TopToolbar>
  );
};

/** Short cells stay on one line; only the chip lists may wrap. */
export const NOWRAP_CELLS = { '& td:not(.column-languages):not(.column-task_types)': { whiteSpace: 'nowrap' } } as const;
