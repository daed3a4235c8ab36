import { Box, Typography } from '@mui/material';
import { CanAccess, Title, useGetIdentity, useTranslate } from 'react-admin';
import type { RequestStatus } from '../../server/domain/enums';
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
    </Box>
  );
};

export default Dashboard;
