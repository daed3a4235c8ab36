import {
  Alert,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AccessDenied, Button, Link, Loading, Title, useCanAccess, useNotify, useTranslate } from 'react-admin';
import { formatTokyo } from '../format';
import { apiErrorMessage, getJson, postJson } from '../providers/api';

type DueRow = { id: number; number: string; last_activity_at: string; due_on: string };
type Due = {
  as_of: string;
  years: { requests: number; clients: number; volunteers: number; audit_log: number };
  requests: DueRow[];
  clients: DueRow[];
  volunteers: DueRow[];
  audit_log: { count: number; before: string };
  last_scan: { as_of: string; scanned_at: string; requests: number; clients: number; volunteers: number } | null;
};
const KINDS = [
  { key: 'requests', resource: 'support-requests' },
  { key: 'clients', resource: 'clients' },
  { key: 'volunteers', resource: 'volunteers' },
] as const;

const DueTable = ({ rows, resource }: { rows: DueRow[]; resource: string }) => {
  const translate = useTranslate();
  if (!rows.length) return <Typography variant="body2">{translate('privacy.retention.none')}</Typography>;
  return (
    <Table size="small" sx={{ mb: 1 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('privacy.retention.number')}</TableCell>
          <TableCell>{translate('privacy.retention.last_activity')}</TableCell>
          <TableCell>{translate('privacy.retention.due_on')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>
              <Link to={`/${resource}/${r.id}/show`}>{r.number}</Link>
            </TableCell>
            <TableCell>{formatTokyo(r.last_activity_at)}</TableCell>
            <TableCell>{formatTokyo(`${r.due_on}T00:00:00+09:00`, false)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * 保存期間: what has passed its retention date today, and the one step that anonymises it all
 * with one reason. Nothing is erased without this step.
 */
const RetentionPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'retention', action: 'edit' });
  const due = useQuery({ queryKey: ['retention-due'], queryFn: () => getJson<Due>('/retention/due'), enabled: !!canAccess });
  const [reason, setReason] = useState('');
  const [purge, setPurge] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () =>
      postJson<Record<string, number>>('/retention/anonymise', {
        reason: reason.trim(),
        requests: due.data?.requests.map((r) => r.id) ?? [],
        clients: due.data?.clients.map((r) => r.id) ?? [],
        volunteers: due.data?.volunteers.map((r) => r.id) ?? [],
        purge_audit_log: purge,
      }),
    onSuccess: (counts) => {
      notify('privacy.retention.done', { type: 'info', messageArgs: counts });
      setReason('');
      setPurge(false);
      void due.refetch();
    },
    onError: (e) => setFailure(apiErrorMessage(e)),
  });
  if (checking) return <Loading />;
  if (!canAccess) return <AccessDenied />;
  if (!due.data) return <Loading />;
  const d = due.data;
  const total = d.requests.length + d.clients.length + d.volunteers.length;
  return (
    <Card sx={{ mt: 2, maxWidth: 960 }}>
      <Title title="privacy.retention.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('privacy.retention.title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('privacy.retention.intro', { date: formatTokyo(`${d.as_of}T00:00:00+09:00`, false) })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {d.last_scan
            ? translate('privacy.retention.last_scan', {
                at: formatTokyo(d.last_scan.scanned_at),
                smart_count: d.last_scan.requests + d.last_scan.clients + d.last_scan.volunteers,
              })
            : translate('privacy.retention.no_scan')}
        </Typography>
        {KINDS.map(({ key, resource }) => (
          <section key={key}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2 }}>
              {translate(`privacy.retention.${key}`, { years: d.years[key], smart_count: d[key].length })}
            </Typography>
            <DueTable rows={d[key]} resource={resource} />
          </section>
        ))}
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mt: 2 }}>
          {translate('privacy.retention.audit_log', { years: d.years.audit_log })}
        </Typography>
        <Typography variant="body2">
          {translate('privacy.retention.audit_count', {
            smart_count: d.audit_log.count,
            date: formatTokyo(`${d.audit_log.before}T00:00:00+09:00`, false),
          })}
        </Typography>
        {d.audit_log.count > 0 && (
          <FormControlLabel
            control={<Checkbox checked={purge} onChange={(e) => setPurge(e.target.checked)} />}
            label={translate('privacy.retention.purge')}
          />
        )}
        <Alert severity="warning" sx={{ my: 2 }}>
          {translate('privacy.retention.irreversible')}
        </Alert>
        {failure && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {translate(failure, { _: failure })}
          </Alert>
        )}
        <TextField
          fullWidth
          required
          multiline
          minRows={2}
          label={translate('privacy.retention.reason')}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setFailure(null);
          }}
          helperText={translate('privacy.retention.reason_helper')}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        <Button
          label="privacy.retention.confirm"
          variant="contained"
          color="error"
          sx={{ mt: 2 }}
          disabled={!reason.trim() || (total === 0 && !purge) || run.isPending}
          onClick={() => run.mutate()}
        />
      </CardContent>
    </Card>
  );
};

export default RetentionPage;
