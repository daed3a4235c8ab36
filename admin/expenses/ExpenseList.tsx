import {
  Datagrid,
  FilterButton,
  List,
  TopToolbar,
  NullableBooleanInput,
  NumberField,
  ReferenceField,
  SelectInput,
  useCanAccess,
} from 'react-admin';
import { choicesFor } from '../choices';
import { EnumField } from '../fields/EnumField';
import { TokyoDateField } from '../fields/TokyoDateField';
import { ExportCsvButton } from '../layout/ExportCsvButton';
import { SettleBulkButton } from './SettleBulkButton';

const YEN = { style: 'currency', currency: 'JPY' } as const;

const ExpenseListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportCsvButton />
  </TopToolbar>
);

const filters = [
  <NullableBooleanInput key="outstanding" source="outstanding" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choicesFor('expense_kind')} />,
  <SelectInput key="settlement_method" source="settlement_method" choices={choicesFor('settlement_method')} />,
];

/** Opens on what is still owed, oldest first: the list the secretariat works through. */
const ExpenseList = () => {
  const { canAccess: canSettle } = useCanAccess({ resource: 'expenses', action: 'edit' });
  return (
    <List
      filters={filters}
      filterDefaultValues={{ outstanding: true }}
      actions={<ExpenseListActions />}
      sort={{ field: 'created_at', order: 'ASC' }}
    >
      <Datagrid
        bulkActionButtons={canSettle ? <SettleBulkButton /> : false}
        rowClick={false}
        isRowSelectable={(expense) => !expense.settled_on}
      >
        <ReferenceField source="request_id" reference="support-requests" link="show" sortable={false} />
        <ReferenceField source="volunteer_id" reference="volunteers" link={false} sortable={false} />
        <EnumField source="kind" enumName="expense_kind" />
        <NumberField source="amount_yen" locales="ja-JP" options={YEN} />
        <TokyoDateField source="created_at" />
        <TokyoDateField source="settled_on" />
        <EnumField source="settlement_method" enumName="settlement_method" />
      </Datagrid>
    </List>
  );
};

export default ExpenseList;
