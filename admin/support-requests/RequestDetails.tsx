import { Box, Card, CardContent } from '@mui/material';
import type { ReactNode } from 'react';
import { Labeled, ReferenceField, TextField, useRecordContext } from 'react-admin';
import { EnumField } from '../fields/EnumField';
import { TokyoDateTimeField } from '../fields/TokyoDateField';
import { LanguageField } from './LanguageField';
import { TimeRangeField } from '../fields/TimeRangeField';

const Cell = ({ children, wide = false }: { children: ReactNode; wide?: boolean }) => (
  <Box sx={{ gridColumn: wide ? '1 / -1' : undefined }}>{children}</Box>
);

/** What the request is about, in the order of the intake form. */
export const RequestDetails = () => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Card variant="outlined">
      <CardContent sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' }, gap: 1 }}>
        <Cell>
          <Labeled source="client_id">
            <ReferenceField source="client_id" reference="clients" link="show" emptyText="—" />
          </Labeled>
        </Cell>
        <Cell>
          <Labeled source="channel">
            <EnumField source="channel" enumName="channel" />
          </Labeled>
        </Cell>
        <Cell>
          <Labeled source="received_at">
            <TokyoDateTimeField source="received_at" />
          </Labeled>
        </Cell>
        <Cell>
          <Labeled source="category">
            <EnumField source="category" enumName="category" />
          </Labeled>
        </Cell>
        <Cell>
          <Labeled source="task_type">
            <EnumField source="task_type" enumName="task_type" />
          </Labeled>
        </Cell>
        <Cell>
          <Labeled source="mode">
            <EnumField source="mode" enumName="mode" />
          </Labeled>
        </Cell>
        <Cell>
          <Labeled source="language">
            <LanguageField source="language" />
          </Labeled>
        </Cell>
        <Cell>
          <Labeled source="municipality_code">
            <ReferenceField source="municipality_code" reference="municipalities" link={false} emptyText="—" />
          </Labeled>
        </Cell>
        <Cell>
          <Labeled source="place">
            <TextField source="place" emptyText="—" />
          </Labeled>
        </Cell>
        <Cell>
          <Labeled source="start_at">
            <TimeRangeField />
          </Labeled>
        </Cell>
        <Cell>
          <Labeled source="coordinator_id">
            <ReferenceField source="coordinator_id" reference="staff" link={false} emptyText="—" />
          </Labeled>
        </Cell>
        {record.follow_up_of_id != null && (
          <Cell>
            <Labeled source="follow_up_of_id">
              <ReferenceField source="follow_up_of_id" reference="support-requests" link="show" />
            </Labeled>
          </Cell>
        )}
        <Cell wide>
          <Labeled source="description">
            <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
          </Labeled>
        </Cell>
      </CardContent>
    </Card>
  );
};
