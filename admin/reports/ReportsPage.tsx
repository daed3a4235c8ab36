import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { AccessDenied, Loading, Title, useCanAccess, useTranslate } from 'react-admin';
import { AudienceToggle } from './AudienceToggle';
import { ExportButtons } from './ExportButtons';
import { PeriodPicker } from './PeriodPicker';
import { ReportBody } from './ReportBody';
import { useReport } from './useReport';
import { useSelection } from './useSelection';

/** /reports: the month's or fiscal year's figures for the secretariat, on screen and as CSV. */
const ReportsPage = () => {
  const translate = useTranslate();
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'reports', action: 'list' });
  const { selection, audience, setSelection, setAudience, setKind } = useSelection();
  const { data: report, error, isFetching, isPlaceholderData, refetch } = useReport(selection, audience, canAccess === true);
  if (checking) return <Loading />;
  if (!canAccess) return <AccessDenied />;
  return (
    <Box sx={{ py: 2 }}>
      <Title title="reports.title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('reports.title')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <PeriodPicker selection={selection} onChange={setSelection} onKindChange={setKind} />
        <AudienceToggle value={audience} onChange={setAudience} />
        <Box sx={{ flexGrow: 1 }} />
        <ExportButtons selection={selection} audience={audience} />
      </Stack>
      {/* Reserved height, so the page does not jump when loading starts and stops. */}
      <Box sx={{ height: 4, my: 1 }}>{isFetching && <LinearProgress aria-label={translate('ra.page.loading')} />}</Box>
      {error ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void refetch()}>
              {translate('ra.action.refresh')}
            </Button>
          }
        >
          {translate('reports.error')} {error.message}
        </Alert>
      ) : report ? (
        // While the next period loads, the previous figures stay, dimmed, instead of a blank page.
        <Box sx={{ opacity: isPlaceholderData ? 0.5 : 1, transition: 'opacity 0.2s' }} aria-busy={isFetching}>
          <ReportBody report={report} audience={audience} />
        </Box>
      ) : null}
    </Box>
  );
};

export default ReportsPage;
