import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { AssignmentStatus } from '../../server/domain/assignment-flow';

const COLOUR: Record<AssignmentStatus, 'default' | 'primary' | 'success' | 'warning' | 'info'> = {
  proposed: 'default',
  contacted: 'info',
  accepted: 'warning',
  declined: 'default',
  confirmed: 'success',
  cancelled: 'default',
};

export const AssignmentStatusField = ({ source = 'status' }: Partial<FieldProps> & { source?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const status = record?.[source] as AssignmentStatus | undefined;
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={COLOUR[status]}
      variant={status === 'declined' || status === 'cancelled' ? 'outlined' : 'filled'}
      label={translate(`enums.assignment_status.${status}`)}
    />
  );
};
