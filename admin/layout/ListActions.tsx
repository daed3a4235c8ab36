import { CreateButton, TopToolbar, useResourceDefinition } from 'react-admin';
import { ExportCsvButton } from './ExportCsvButton';

/** Create when the resource has a create screen (the button checks the role), then export. */
export const ListActions = () => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      {hasCreate && <CreateButton />}
      <ExportCsvButton />
    </TopToolbar>
  );
};
