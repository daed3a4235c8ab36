import WarningIcon from '@mui/icons-material/WarningAmber';
import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Button, Link, RecordContextProvider, useCreate, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { AssignmentStatusField } from '../assignments/AssignmentStatusField';
import { formatTokyoShort, formatTokyoTime } from '../format';
import { apiErrorMessage } from '../providers/api';
import { noteText, type Candidate } from './api';
import { WRAPPING_CHIP } from './EmptyExplanation';
import { useWeekLoad } from './useWeekLoad';

type Props = { candidates: Candidate[]; request: RaRecord; assignments: RaRecord[] };

/** Ranked volunteers with why they fit, what to watch, and their week, one click to propose. */
export const CandidateTable = ({ candidates, request, assignments }: Props) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [create, { isPending }] = useCreate();
  const { week, byVolunteer } = useWeekLoad(
    candidates.map((c) => c.volunteer_id),
    request,
  );
  const existing = new Map(assignments.map((a) => [a.volunteer_id, a]));
  const propose = (volunteerId: number) =>
    create(
      'assignments',
      { data: { request_id: request.id, volunteer_id: volunteerId, status: 'proposed' } },
      {
        onSuccess: () => {
          notify('casework.matching.proposed', { type: 'info' });
          refresh();
        },
        onError: (error) => notify(apiErrorMessage(error), { type: 'error' }),
      },
    );
  return (
    <Table size="small" data-testid="candidates">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.assignments.fields.volunteer_id')}</TableCell>
          <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
            {translate('casework.matching.score')}
          </TableCell>
          <TableCell>{translate('casework.matching.reasons')}</TableCell>
          <TableCell>
            {translate('casework.matching.week', { from: week.from.slice(5).replace('-', '/'), to: week.to.slice(5).replace('-', '/') })}
          </TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {candidates.map((c) => {
          const mine = existing.get(c.volunteer_id);
          const others = byVolunteer.get(c.volunteer_id) ?? [];
          return (
            <TableRow key={c.volunteer_id} data-testid="candidate-row" hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Link to={`/volunteers/${c.volunteer_id}/show`}>
                  {c.volunteer_no} {c.name}
                </Link>
              </TableCell>
              <TableCell align="right">
                <Typography variant="body1" sx={{ fontWeight: 700 }}>
                  {c.score}
                </Typography>
              </TableCell>
              <TableCell>
                <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                  {c.reasons.map((r) => (
                    <Chip
                      key={r.code}
                      size="small"
                      variant="outlined"
                      color="success"
                      label={noteText(translate, 'matching_notes', r)}
                      sx={WRAPPING_CHIP}
                    />
                  ))}
                  {c.warnings.map((w) => (
                    <Chip
                      key={w.code}
                      size="small"
                      color="warning"
                      icon={<WarningIcon />}
                      label={noteText(translate, 'matching_notes', w)}
                      sx={WRAPPING_CHIP}
                    />
                  ))}
                </Stack>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {others.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    {translate('casework.matching.week_free')}
                  </Typography>
                ) : (
                  others.map((a) => (
                    <Typography key={a.id} variant="body2">
                      {formatTokyoShort(a.start_at)}–{formatTokyoTime(a.end_at)} {translate(`enums.assignment_status.${a.status}`)}
                    </Typography>
                  ))
                )}
              </TableCell>
              <TableCell align="right">
                {mine ? (
                  <RecordContextProvider value={mine}>
                    <AssignmentStatusField />
                  </RecordContextProvider>
                ) : (
                  <Button
                    label="casework.matching.propose"
                    variant="outlined"
                    size="small"
                    disabled={isPending}
                    onClick={() => propose(c.volunteer_id)}
                  />
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
