import { useGetList, type Identifier, type RaRecord } from 'react-admin';
import { weekAround } from './week';

const LIVE = ['proposed', 'contacted', 'accepted', 'confirmed'];

/**
 * Each candidate's other assignments in the week of the request, in one query for all of
 * them, so the coordinator can spread the load.
 */
export const useWeekLoad = (volunteerIds: number[], request: RaRecord) => {
  const week = weekAround(request.start_at as string | null);
  const { data } = useGetList(
    'assignments',
    {
      filter: { volunteer_id: volunteerIds, start_at_gte: week.from, start_at_lte: week.to, status: LIVE },
      sort: { field: 'start_at', order: 'ASC' },
      pagination: { page: 1, perPage: 500 },
    },
    { enabled: volunteerIds.length > 0 },
  );
  const byVolunteer = new Map<Identifier, RaRecord[]>();
  for (const a of data ?? []) {
    if (a.request_id === request.id) continue;
    byVolunteer.set(a.volunteer_id, [...(byVolunteer.get(a.volunteer_id) ?? []), a]);
  }
  return { week, byVolunteer };
};
