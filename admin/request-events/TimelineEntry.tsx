import CallIcon from '@mui/icons-material/Call';
import EmailIcon from '@mui/icons-material/Email';
import NoteIcon from '@mui/icons-material/StickyNote2';
import SwapIcon from '@mui/icons-material/SwapHoriz';
import PeopleIcon from '@mui/icons-material/ConnectWithoutContact';
import ReportIcon from '@mui/icons-material/Summarize';
import PaymentsIcon from '@mui/icons-material/Payments';
import FlagIcon from '@mui/icons-material/Flag';
import EditIcon from '@mui/icons-material/EditNote';
import { Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { RecordContextProvider, ReferenceField, TextField, useLocaleState, useTranslate, type RaRecord } from 'react-admin';
import type { REQUEST_EVENT_KINDS } from '../../server/domain/enums';
import { formatTokyo } from '../format';
import { timelineMessageText } from './timelineMessage';

type Kind = (typeof REQUEST_EVENT_KINDS)[number];

const ICONS: Record<Kind, ReactNode> = {
  status_change: <SwapIcon fontSize="small" />,
  call: <CallIcon fontSize="small" />,
  email: <EmailIcon fontSize="small" />,
  note: <NoteIcon fontSize="small" />,
  assignment_change: <PeopleIcon fontSize="small" />,
  report: <ReportIcon fontSize="small" />,
  expense: <PaymentsIcon fontSize="small" />,
  follow_up: <FlagIcon fontSize="small" />,
  edit: <EditIcon fontSize="small" />,
};

/** One line of a request's history: when, who, what. */
export const TimelineEntry = ({ event }: { event: RaRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const kind = event.kind as Kind;
  // The server's own entries in the console's language; what staff typed stays as typed.
  const text = (event.message && timelineMessageText(translate, event.message, locale)) || event.body;
  const headline =
    kind === 'status_change'
      ? [event.from_status, event.to_status]
          .filter(Boolean)
          .map((s) => translate(`enums.request_status.${s}`))
          .join(' → ')
      : [translate(`enums.request_event_kind.${kind}`), event.party && translate(`enums.event_party.${event.party}`)]
          .filter(Boolean)
          .join(' · ');
  return (
    <RecordContextProvider value={event}>
      <Stack direction="row" sx={{ gap: 1, py: 1, borderBottom: 1, borderColor: 'divider' }} data-testid="timeline-entry" data-kind={kind}>
        <Box sx={{ color: 'text.secondary', pt: 0.25 }}>{ICONS[kind]}</Box>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Stack direction="row" sx={{ gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {headline}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {formatTokyo(event.at)}
            </Typography>
            {event.staff_id != null && (
              <Typography variant="caption" color="text.secondary">
                <ReferenceField source="staff_id" reference="staff" link={false}>
                  <TextField source="display_name" variant="caption" />
                </ReferenceField>
              </Typography>
            )}
          </Stack>
          {text && (
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {text}
            </Typography>
          )}
        </Box>
      </Stack>
    </RecordContextProvider>
  );
};
