import { Alert, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate, type Identifier } from 'react-admin';
import { noteText, useExplanation } from './api';

/** A chip whose long label wraps inside the card instead of running past its edge. */
export const WRAPPING_CHIP = { height: 'auto', maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } } as const;

/** Why nobody fits: how many volunteers each condition leaves, and who almost fits and why not. */
export const EmptyExplanation = ({ requestId }: { requestId: Identifier }) => {
  const translate = useTranslate();
  const { data } = useExplanation(requestId, true);
  if (!data) return null;
  return (
    <Stack data-testid="candidates-explain" sx={{ gap: 2 }}>
      <Alert severity="warning">
        {data.emptied_by
          ? translate('casework.matching.emptied_by', { condition: noteText(translate, 'matching_filters', data.emptied_by) })
          : translate('casework.matching.none_found')}
      </Alert>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('casework.matching.condition')}</TableCell>
            <TableCell align="right">{translate('casework.matching.remaining', { total: data.total })}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.steps.map((step) => (
            <TableRow key={step.code} selected={step.code === data.emptied_by?.code}>
              <TableCell>{noteText(translate, 'matching_filters', step)}</TableCell>
              <TableCell align="right">{step.remaining}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.near_misses.length > 0 && (
        <>
          <Typography variant="subtitle1" component="h3">
            {translate('casework.matching.near_misses')}
          </Typography>
          <Table size="small" data-testid="near-misses" sx={{ tableLayout: 'fixed', width: '100%' }}>
            <TableBody>
              {data.near_misses.map((v) => (
                <TableRow key={v.volunteer_id}>
                  <TableCell sx={{ width: { xs: '40%', md: '30%' }, overflowWrap: 'anywhere' }}>
                    <Link to={`/volunteers/${v.volunteer_id}/show`}>
                      {v.volunteer_no} {v.name}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                      {v.failed.map((f) => (
                        <Chip
                          key={f.code}
                          size="small"
                          color="warning"
                          variant="outlined"
                          label={noteText(translate, 'matching_misses', f)}
                          sx={WRAPPING_CHIP}
                        />
                      ))}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Stack>
  );
};
