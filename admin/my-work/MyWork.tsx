import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetIdentity, useTranslate } from 'react-admin';
import type { RequestStatus } from '../../server/domain/enums';
import { CASEWORK } from '../../server/domain/roles';
import { OutstandingWidget } from '../expenses/OutstandingWidget';
import { FollowUpWidget } from '../follow-ups/FollowUpWidget';
import { type Dashboard, useDashboard } from '../dashboard/useDashboard';
import { CountCard } from './CountCard';

const MINE: RequestStatus[] = ['received', 'checking', 'matching', 'confirmed', 'done'];

type Work = NonNullable<Dashboard['my_work']> | undefined;
type Section = { key: string; title: string; body: (work: Work) => ReactNode };

/**
 * 「わたしの仕事」: what needs the signed-in coordinator now, each a link to the filtered list.
 * Every number comes in the one answer of GET /api/dashboard, with the filter its list opens
 * with (the server knows who "me" is and which day is today in Japan).
 */
export const MY_WORK_SECTIONS: Section[] = [
  {
    key: 'web_form',
    title: 'my_work.web_form',
    body: (work) => <CountCard resource="support-requests" card={work?.web_form_new} label="my_work.web_form_new" />,
  },
  {
    key: 'mine',
    title: 'my_work.mine',
    body: (work) =>
      MINE.map((status) => (
        <CountCard key={status} resource="support-requests" card={work?.mine[status]} label={`enums.request_status.${status}`} />
      )),
  },
  {
    key: 'volunteers',
    title: 'my_work.volunteers',
    body: (work) => (
      <>
        <CountCard resource="assignments" card={work?.waiting_answer} label="my_work.waiting_answer" />
        <CountCard resource="assignments" card={work?.today} label="my_work.today" />
        <CountCard resource="assignments" card={work?.tomorrow} label="my_work.tomorrow" />
      </>
    ),
  },
  {
    key: 'settle',
    title: 'my_work.settle',
    body: (work) => (
      <>
        <CountCard resource="support-requests" card={work?.report_due} label="my_work.report_due" />
        <OutstandingWidget />
        <FollowUpWidget />
      </>
    ),
  },
];

export const MyWork = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { data } = useDashboard();
  if (!identity || !CASEWORK.some((role) => role === identity.role)) return null;
  return (
    <Box data-testid="my-work" sx={{ display: 'grid', gap: 3, mb: 3 }}>
      {MY_WORK_SECTIONS.map((section) => (
        <Box key={section.key} component="section">
          <Typography variant="h6" component="h2" gutterBottom>
            {translate(section.title)}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'stretch' }}>{section.body(data?.my_work ?? undefined)}</Box>
        </Box>
      ))}
    </Box>
  );
};
