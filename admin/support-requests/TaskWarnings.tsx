import { Alert, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useGetOne, useRecordContext } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { Note } from '../../server/domain/matching';
import { taskWarnings } from '../../server/domain/task-warnings';
import { getJson } from '../providers/api';

const Warnings = ({ warnings }: { warnings: Note[] }) =>
  warnings.length ? (
    <Stack sx={{ gap: 1, mt: 1 }} data-testid="task-warnings">
      {warnings.map((w) => (
        <Alert key={w.code} severity="warning" variant="outlined">
          {w.message}
        </Alert>
      ))}
    </Stack>
  ) : null;

/**
 * In the request form, under the date: what a coordinator checks for this task (a ward office on
 * a Saturday, the ward's check-up days from its notes). Warnings only: saving is never stopped.
 */
export const TaskWarningsHint = () => {
  const [task_type, mode, start_at, municipality_code] = useWatch({ name: ['task_type', 'mode', 'start_at', 'municipality_code'] });
  const { data: municipality } = useGetOne('municipalities', { id: municipality_code }, { enabled: !!municipality_code });
  if (!task_type) return null;
  const warnings = taskWarnings({
    task_type,
    mode,
    start_at: start_at || null,
    municipality_notes: municipality?.notes,
    municipality_name: municipality?.name_ja,
  });
  return <Warnings warnings={warnings} />;
};

/** On a request's page: the server's warnings, with travel time and transport on an online request. */
export const RequestWarnings = () => {
  const record = useRecordContext();
  const { data } = useQuery({
    queryKey: ['support-requests', record?.id, 'warnings', record?.version],
    queryFn: () => getJson<Note[]>(`/support-requests/${record?.id}/warnings`),
    enabled: !!record?.id,
  });
  return <Warnings warnings={data ?? []} />;
};
