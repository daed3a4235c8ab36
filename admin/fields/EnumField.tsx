import { SelectField, type SelectFieldProps } from 'react-admin';
import { choicesFor, type EnumName } from '../choices';

type Props = Omit<SelectFieldProps, 'choices'> & { enum_name: EnumName };

/** An enumeration value shown by its translated name, never its code. */
export const EnumField = ({ enum_name, ...props }: Props) => (
  <SelectField {...props} choices={choicesFor(enum_name)} />
);
