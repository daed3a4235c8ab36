import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { RecordContextProvider, ReferenceField, TextField, useGetList, useRecordContext, useTranslate, type Identifier } from 'react-admin';
import { TimeRangeField } from '../fields/TimeRangeField';

const SOONEST_FIRST = { field: 'start_at', order: 'ASC' } as const;

/**
 * A volunteer's confirmed activities from now on, soonest first. For the volunteer's show
 * page: reads the volunteer from the record context unless given an id.
 */
export const UpcomingAssignments = ({ volunteerId }: { volunteerId?: Identifier }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const id = volunteerId ?? record?.id;
  const { data, isPending } = useGetList(
    'assignments',
    {
      // The minute is enough: a page opened at 10:00:30 still lists what starts at 10:00:59.
      filter: { volunteer_id: id, status: 'confirmed', start_at_gte: new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString() },
      sort: SOONEST_FIRST,
      pagination: { page: 1, perPage: 50 },
    },
    { enabled: id != null },
  );
  if (isPending) return null;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="upcoming-assignments">
        {translate('casework.assignments.none_upcoming')}
      </Typography>
    );
  }
  return (
    <List dense disablePadding data-testid="upcoming-assignments">
      {data.map((assignment) => (
        <RecordContextProvider key={assignment.id} value={assignment}>
          <ListItem disableGutters>
            <ListItemText
              primary={<TimeRangeField />}
              secondary={
                <ReferenceField source="request_id" reference="support-requests" link="show">
                  <TextField source="request_no" variant="body2" />
                </ReferenceField>
              }
              slotProps={{ secondary: { component: 'div' } }}
            />
          </ListItem>
        </RecordContextProvider>
      ))}
    </List>
  );
};
