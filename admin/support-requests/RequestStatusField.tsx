import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { RequestStatus } from '../../server/domain/enums';

const COLOUR: Record<RequestStatus, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'info' | 'error'> = {
  received: 'warning',
  checking: 'info',
  matching: 'secondary',
  confirmed: 'primary',
  done: 'success',
  closed: 'default',
  cancelled: 'default',
  unmatched: 'default',
  rejected: 'default',
};

/** A request's status as a coloured chip: the waiting ones stand out in a long list. */
export const RequestStatusField = ({ source = 'status' }: Partial<FieldProps> & { source?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const status = record?.[source] as RequestStatus | undefined;
  if (!status) return null;
  return <Chip size="small" color={COLOUR[status]} label={translate(`enums.request_status.${status}`)} />;
};
