import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatTokyo, formatTokyoTime } from '../format';

type Props = Partial<FieldProps> & { startSource?: string; endSource?: string };

/** "2026/03/07(土) 10:00 – 12:00" in Japan time, or "not fixed yet". */
export const TimeRangeField = ({ startSource = 'start_at', endSource = 'end_at' }: Props) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const start = record?.[startSource];
  const end = record?.[endSource];
  if (!start) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('casework.time.none_yet')}
      </Typography>
    );
  }
  const endTime = end ? formatTokyoTime(end) : '';
  return <Typography variant="body2">{`${formatTokyo(start)} – ${endTime}`}</Typography>;
};
