import { SelectField, type SelectFieldProps } from 'react-admin';
import { choicesFor, type EnumName } from '../choices';

type Props = Omit<SelectFieldProps, 'choices'> & { enumName: EnumName };

/** An enumeration value shown by its translated name, never its code. */
export const EnumField = ({ enumName, ...props }: Props) => <SelectField {...props} choices={choicesFor(enumName)} />;
