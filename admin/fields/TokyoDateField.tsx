import { DateField, type DateFieldProps } from 'react-admin';
import { tokyoDateProps } from '../format';

type Props = Omit<DateFieldProps, 'locales' | 'options' | 'showTime'> & { show_time?: boolean };

/** A date or timestamp shown in Japan time whatever the browser's zone. */
export const TokyoDateField = ({ show_time = false, ...props }: Props) => (
  <DateField {...props} {...tokyoDateProps(show_time)} />
);

export const TokyoDateTimeField = (props: Omit<Props, 'show_time'>) => (
  <TokyoDateField {...props} show_time />
);
