import { Box, Typography } from '@mui/material';
import { CanAccess, Title, useGetIdentity, useTranslate } from 'react-admin';
import type { RequestStatus } from '../../server/domain/enums';
import { OutstandingWidget } from '../expenses/OutstandingWidget';
import { FollowUpWidget } from '../follow-ups/FollowUpWidget';
import { MyWork } from '../my-work/MyWork';
import { OutboxWidget } from '../messages/OutboxWidget';
import { SelfReportsWidget } from '../messages/SelfReportsWidget';
import { MonthKpis } from '../reports/MonthKpis';
import { CASEWORK } from '../../server/domain/roles';
import { IdChecksDue } from './IdChecksDue';
import { RequestStatusCount } from './RequestStatusCount';

// The statuses where a request waits for a coordinator to act.
const WAITING: RequestStatus[] = ['received', 'checking', 'matching', 'confirmed'];

const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  // Coordinators get their own work first (MyWork, which includes money and follow-ups).
  const casework = !!identity && CASEWORK.some((role) => role === identity.role);
  return (
    <Box sx={{ p: 2 }}>
      <Title title="app.title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('dashboard.greeting', { name: identity?.fullName ?? '' })}
      </Typography>
      <MyWork />
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
        {!casework && <OutstandingWidget />}
        {!casework && <FollowUpWidget />}
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
