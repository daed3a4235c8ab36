import { BooleanInput, TextInput, required } from 'react-admin';
import { DateInput } from '../fields/DateInputs';

// The server is the judge (order of the dates, a yearly period under a year); its field
// messages land beside these inputs.
export const ClosedDateInputs = () => (
  <>
    <DateInput source="from_date" validate={required()} />
    <DateInput source="to_date" validate={required()} helperText="closed_dates.to_hint" />
    <TextInput source="reason" validate={required()} helperText="closed_dates.reason_hint" />
    <BooleanInput source="every_year" helperText="closed_dates.every_year_hint" />
  </>
);
