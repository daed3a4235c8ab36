import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { CanAccess, Link, RecordContextProvider, useGetList, useTranslate, type Identifier } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { formatTokyo } from '../format';

const NEWEST = { field: 'id', order: 'DESC' } as const;

const Messages = ({ requestId }: { requestId: Identifier }) => {
  const translate = useTranslate();
  const { data } = useGetList('messages', { filter: { request_id: requestId }, sort: NEWEST, pagination: { page: 1, perPage: 50 } });
  if (!data?.length) return null;
  const f = (source: string) => translate(`resources.messages.fields.${source}`);
  return (
    <Card variant="outlined" data-testid="request-messages">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('outbox.of_request')}
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{f('created_at')}</TableCell>
              <TableCell>{f('kind')}</TableCell>
              <TableCell>{f('address')}</TableCell>
              <TableCell>{f('status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((m) => (
              <RecordContextProvider key={m.id} value={m}>
                <TableRow>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Link to={`/messages/${m.id}/show`}>{formatTokyo(m.created_at, true)}</Link>
                  </TableCell>
                  <TableCell>
                    <EnumField source="kind" enumName="message_kind" />
                  </TableCell>
                  <TableCell>{m.address ?? '—'}</TableCell>
                  <TableCell>
                    <EnumField source="status" enumName="message_status" />
                  </TableCell>
                </TableRow>
              </RecordContextProvider>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

/** The messages sent (or held) about one request, on its page. */
export const RequestMessages = ({ requestId }: { requestId: Identifier }) => (
  <CanAccess resource="messages" action="list">
    <Messages requestId={requestId} />
  </CanAccess>
);
