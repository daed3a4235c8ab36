import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Bytes sent so far, then an indeterminate bar while the server reads and checks the rows. */
export const ImportProgress = ({ fraction }: { fraction: number }) => {
  const translate = useTranslate();
  const sending = fraction < 1;
  const percent = Math.round(fraction * 100);
  return (
    <Box sx={{ my: 2 }}>
      <LinearProgress
        variant={sending ? 'determinate' : 'indeterminate'}
        value={sending ? percent : undefined}
        aria-label={translate('imports.progress')}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {sending ? translate('imports.uploading', { percent }) : translate('imports.processing')}
      </Typography>
    </Box>
  );
};
