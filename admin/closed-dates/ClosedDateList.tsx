import { useEffect } from 'react';
import { BooleanField, Datagrid, List, TextField } from 'react-admin';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { ListActions } from '../layout/ListActions';
import { ClosedPeriodField } from './ClosedPeriodField';
import { useRefreshSettings } from './useRefreshSettings';

const ClosedDateList = () => {
  // Every create, edit and delete comes back here: the request forms then judge dates with
  // the new periods, which the settings carry.
  const refresh = useRefreshSettings();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per visit of the list.
  useEffect(refresh, []);
  return (
    <List actions={<ListActions />} sort={{ field: 'from_date', order: 'ASC' }}>
      <Datagrid bulkActionButtons={false} rowClick="edit">
        <ClosedPeriodField label="closed_dates.period" />
        <TextField source="reason" />
        <BooleanField source="every_year" />
        <TokyoDateTimeField source="updated_at" />
      </Datagrid>
    </List>
  );
};

export default ClosedDateList;
