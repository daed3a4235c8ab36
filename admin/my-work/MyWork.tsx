import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetIdentity, useTranslate, type Identifier } from 'react-admin';
import type { RequestStatus } from '../../server/domain/enums';
import { CASEWORK } from '../../server/domain/roles';
import { OutstandingWidget } from '../expenses/OutstandingWidget';
import { FollowUpWidget } from '../follow-ups/FollowUpWidget';
import { tokyoDayStart } from './days';
import { CountCard } from './CountCard';

const MINE: RequestStatus[] = ['received', 'checking', 'matching', 'confirmed', 'done'];

type Section = { key: string; title: string; body: (me: Identifier) => ReactNode };

/**
 * 「わたしの仕事」: what needs the signed-in coordinator now, each a link to the filtered list.
 * A list of sections, so another widget (offers, outbox…) is one more entry here.
 */
export const MY_WORK_SECTIONS: Section[] = [
  {
    key: 'web_form',
    title: 'my_work.web_form',
    body: () => <CountCard resource="support-requests" filter={{ channel: 'web_form', status: 'received' }} label="my_work.web_form_new" />,
  },
  {
    key: 'mine',
    title: 'my_work.mine',
    body: (me) =>
      MINE.map((status) => (
        <CountCard
          key={status}
          resource="support-requests"
          filter={{ coordinator_id: me, status }}
          label={`enums.request_status.${status}`}
        />
      )),
  },
  {
    key: 'volunteers',
    title: 'my_work.volunteers',
    body: () => (
      <>
        <CountCard resource="assignments" filter={{ status: ['proposed', 'contacted'] }} label="my_work.waiting_answer" />
        <CountCard
          resource="assignments"
          filter={{ status: 'confirmed', start_at_gte: tokyoDayStart(0), start_at_lt: tokyoDayStart(1) }}
          label="my_work.today"
        />
        <CountCard
          resource="assignments"
          filter={{ status: 'confirmed', start_at_gte: tokyoDayStart(1), start_at_lt: tokyoDayStart(2) }}
          label="my_work.tomorrow"
        />
      </>
    ),
  },
  {
    key: 'settle',
    title: 'my_work.settle',
    body: (me) => (
      <>
        <CountCard
          resource="support-requests"
          filter={{ coordinator_id: me, status: 'confirmed', end_at_lt: tokyoDayStart(0) }}
          label="my_work.report_due"
        />
        <OutstandingWidget />
        <FollowUpWidget />
      </>
    ),
  },
];

export const MyWork = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (!identity || !CASEWORK.some((role) => role === identity.role)) return null;
  return (
    <Box data-testid="my-work" sx={{ display: 'grid', gap: 3, mb: 3 }}>
      {MY_WORK_SECTIONS.map((section) => (
        <Box key={section.key} component="section">
          <Typography variant="h6" component="h2" gutterBottom>
            {translate(section.title)}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'stretch' }}>{section.body(identity.id)}</Box>
        </Box>
      ))}
    </Box>
  );
};
