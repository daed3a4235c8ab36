import { CreateButton, FilterButton, TopToolbar } from 'react-admin';
import { ExportCsvButton } from '../layout/ExportCsvButton';

/** Filters that are not always shown are added from here. */
export const SupportRequestListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportCsvButton />
  </TopToolbar>
);
