import { Button, Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, Loading, Title, useLogout, useNotify, useTranslate } from 'react-admin';
import { formatTokyo } from '../format';
import { apiErrorMessage, deleteJson, getJson } from '../providers/api';

/** One line of GET /api/auth/sessions. */
export type SessionInfo = {
  id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
  current: boolean;
};

const SESSIONS_QUERY_KEY = ['account', 'sessions'] as const;

const fetchSessions = () => getJson<SessionInfo[]>('/auth/sessions');

/** 「ログイン中の端末」: where the signed-in person is signed in, each with a button to end it. */
const SessionsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  const { data: sessions, refetch, isPending } = useQuery({ queryKey: SESSIONS_QUERY_KEY, queryFn: fetchSessions });
  const [ending, setEnding] = useState<SessionInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const device = (s: SessionInfo) => s.user_agent ?? translate('account.sessions.unknown_device');

  const end = async () => {
    if (!ending) return;
    setBusy(true);
    try {
      await deleteJson(`/auth/sessions/${encodeURIComponent(ending.id)}`);
      notify('account.sessions.ended', { type: 'info' });
      if (ending.current) {
        void logout();
        return;
      }
    } catch (error) {
      notify(apiErrorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
      setEnding(null);
    }
    void refetch();
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="account.sessions.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('account.sessions.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('account.sessions.hint')}
        </Typography>
        {isPending ? (
          <Loading />
        ) : !sessions?.length ? (
          <Typography>{translate('account.sessions.empty')}</Typography>
        ) : (
          <Table size="small" aria-label={translate('account.sessions.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('account.sessions.device')}</TableCell>
                <TableCell>{translate('account.sessions.ip')}</TableCell>
                <TableCell>{translate('account.sessions.created_at')}</TableCell>
                <TableCell>{translate('account.sessions.last_seen_at')}</TableCell>
                <TableCell>{translate('account.sessions.expires_at')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {sessions.map((s) => (
                <TableRow key={s.id} selected={s.current}>
                  <TableCell>
                    {device(s)}
                    {s.current && <Chip size="small" color="primary" label={translate('account.sessions.current')} sx={{ ml: 1 }} />}
                  </TableCell>
                  <TableCell>{s.ip ?? '—'}</TableCell>
                  <TableCell>{formatTokyo(s.created_at)}</TableCell>
                  <TableCell>{formatTokyo(s.last_seen_at)}</TableCell>
                  <TableCell>{formatTokyo(s.expires_at)}</TableCell>
                  <TableCell align="right">
                    <Button size="small" color="error" variant="outlined" onClick={() => setEnding(s)} disabled={busy}>
                      {translate('account.sessions.end')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <Confirm
        isOpen={!!ending}
        loading={busy}
        title="account.sessions.end_title"
        content={ending?.current ? 'account.sessions.end_current_content' : 'account.sessions.end_content'}
        translateOptions={{ device: ending ? device(ending) : '', ip: ending?.ip ?? '—' }}
        confirm="account.sessions.end"
        confirmColor="warning"
        onConfirm={end}
        onClose={() => setEnding(null)}
      />
    </Card>
  );
};

export default SessionsPage;
