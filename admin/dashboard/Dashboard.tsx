import { Box, Typography } from '@mui/material';
import { CanAccess, Title, useGetIdentity, useTranslate } from 'react-admin';
import type { RequestStatus } from '../../server/domain/enums';
import { OutstandingWidget } from '../expenses/OutstandingWidget';
import { FollowUpWidget } from '../follow-ups/FollowUpWidget';
import { OutboxWidget } from '../messages/OutboxWidget';
import { SelfReportsWidget } from '../messages/SelfReportsWidget';
import { MonthKpis } from '../reports/MonthKpis';
import { IdChecksDue } from './IdChecksDue';
import { RequestStatusCount } from './RequestStatusCount';

// The statuses where a request waits for a coordinator to act.
const WAITING: RequestStatus[] = ['received', 'checking', 'matching', 'confirmed'];

const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Box sx={{ p: 2 }}>
      <Title title="app.title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('dashboard.greeting', { name: identity?.fullName ?? '' })}
      </Typography>
      <CanAccess resource="support-requests" action="list">
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('dashboard.requests_by_status')}
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
          {WAITING.map((status) => (
            <RequestStatusCount key={status} status={status} />
          ))}
        </Box>
      </CanAccess>
      <CanAccess resource="reports" action="list">
        <Box sx={{ mt: 3 }}>
          <MonthKpis />
        </Box>
      </CanAccess>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 3, alignItems: 'flex-start' }}>
        <OutstandingWidget />
        <FollowUpWidget />
        <SelfReportsWidget />
        <OutboxWidget />
      </Box>
      <CanAccess resource="volunteers" action="list">
        <Box sx={{ mt: 3 }}>
          <IdChecksDue />
        </Box>
      </CanAccess>
    </Box>
  );
};

export default Dashboard;
