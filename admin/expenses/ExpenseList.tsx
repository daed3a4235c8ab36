import { Datagrid, List, NumberField, ReferenceField } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateField } from '../fields/TokyoDateField';
import { ListActions } from '../layout/ListActions';

const YEN = { style: 'currency', currency: 'JPY' } as const;

const ExpenseList = () => (
  <List actions={<ListActions />} sort={{ field: 'id', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false}>
      <ReferenceField source="request_id" reference="support-requests" sortable={false} />
      <ReferenceField source="volunteer_id" reference="volunteers" sortable={false} />
      <EnumField source="kind" enum_name="expense_kind" />
      <NumberField source="amount_yen" locales="ja-JP" options={YEN} />
      <TokyoDateField source="settled_on" />
      <EnumField source="settlement_method" enum_name="settlement_method" />
    </Datagrid>
  </List>
);

export default ExpenseList;
