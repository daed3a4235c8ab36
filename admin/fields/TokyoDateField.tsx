import { DateField, type DateFieldProps } from 'react-admin';
import { tokyoDateProps } from '../format';

type Props = Omit<DateFieldProps, 'locales' | 'options' | 'showTime'> & { showTime?: boolean };

/** A date or timestamp shown in Japan time whatever the browser's zone. */
export const TokyoDateField = ({ showTime = false, ...props }: Props) => <DateField {...props} {...tokyoDateProps(showTime)} />;

export const TokyoDateTimeField = (props: Omit<Props, 'showTime'>) => <TokyoDateField {...props} showTime />;
