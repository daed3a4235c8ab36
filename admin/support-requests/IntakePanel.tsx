import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import {
  Button,
  Form,
  RecordContextProvider,
  ReferenceField,
  SaveButton,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
  type RaRecord,
} from 'react-admin';
import { formatTokyo, formatTokyoTime } from '../format';
import { apiErrorMessage } from '../providers/api';
import { useApiSubmit } from '../providers/useApiSubmit';
import { ClientInput } from './ClientInput';
import { languageName } from '../../server/domain/iso';
import { useConsoleLocale } from '../fields/iso';

type Slot = { start_at: string; end_at: string };
type Intake = Record<string, unknown> & { name?: string; phone?: string; email?: string; preferred_slots?: Slot[] };

// Shown in this order; anything else the form sent follows under its own key.
const KNOWN = ['name', 'phone', 'email', 'contact_language', 'lang', 'ofp_member_no', 'partner_name', 'preferred_slots'];

const ENUM_FIELDS: Record<string, string> = { mode: 'mode', category: 'category', task_type: 'task_type' };

/** A preferred slot from the form, one click to make it the request's planned time. */
const SlotLine = ({ slot }: { slot: Slot }) => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate();
  const use = () =>
    update(
      'support-requests',
      { id: record!.id, data: { version: record!.version, start_at: slot.start_at, end_at: slot.end_at }, previousData: record },
      { mutationMode: 'pessimistic', onSuccess: () => refresh(), onError: (error) => notify(apiErrorMessage(error), { type: 'error' }) },
    );
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
      <Typography variant="body2">{`${formatTokyo(slot.start_at)} – ${formatTokyoTime(slot.end_at)}`}</Typography>
      {record && !record.start_at && <Button label="casework.intake.use_slot" size="small" disabled={isPending} onClick={use} />}
    </Stack>
  );
};

const IntakeValue = ({ field, value }: { field: string; value: unknown }) => {
  const locale = useConsoleLocale();
  const translate = useTranslate();
  if (field === 'preferred_slots' && Array.isArray(value)) {
    return (
      <>
        {(value as Slot[]).map((slot) => (
          <SlotLine key={slot.start_at} slot={slot} />
        ))}
      </>
    );
  }
  if (ENUM_FIELDS[field] && typeof value === 'string') return <>{translate(`enums.${ENUM_FIELDS[field]}.${value}`, { _: value })}</>;
  if (field === 'municipality_code' && typeof value === 'string') {
    return (
      <RecordContextProvider value={{ id: 'intake', municipality_code: value }}>
        <ReferenceField source="municipality_code" reference="municipalities" link={false} />
      </RecordContextProvider>
    );
  }
  if ((field === 'contact_language' || field === 'lang') && typeof value === 'string') return <>{languageName(value, locale)}</>;
  if (typeof value === 'boolean') return <>{translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}</>;
  return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
};

/**
 * What a resident typed into the web form, and — while the request is not yet linked to a
 * client — the way to find or register that client and link them.
 */
export const IntakePanel = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const intake = (record?.intake ?? null) as Intake | null;
  if (!record || (!intake && record.client_id != null)) return null;
  const fields = intake ? [...KNOWN.filter((k) => k in intake), ...Object.keys(intake).filter((k) => !KNOWN.includes(k))] : [];
  return (
    <Card variant="outlined" sx={{ borderColor: record.client_id == null ? 'warning.main' : undefined }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('casework.intake.title')}
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
          {fields
            .filter((field) => intake?.[field] != null && intake[field] !== '')
            .map((field) => (
              <Box key={field} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" color="text.secondary">
                  {translate(`casework.intake.fields.${field}`, { _: field })}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                  <IntakeValue field={field} value={intake?.[field]} />
                </Typography>
              </Box>
            ))}
        </Box>
        {record.client_id == null && <LinkClientForm request={record} intake={intake} />}
      </CardContent>
    </Card>
  );
};

const LinkClientForm = ({ request, intake }: { request: RaRecord; intake: Intake | null }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [update] = useUpdate();
  const link = useApiSubmit(
    async ({ client_id }: Record<string, unknown>) => {
      await update(
        'support-requests',
        { id: request.id, data: { client_id, version: request.version }, previousData: request },
        { mutationMode: 'pessimistic', returnPromise: true },
      );
      refresh();
    },
    { success: 'casework.intake.linked' },
  );
  // What the resident already told us on the form, so nobody types it again; the consent
  // given on the form is the consent recorded on the resident.
  const text = (key: string) => (typeof intake?.[key] === 'string' && intake[key] ? (intake[key] as string) : undefined);
  const language = text('contact_language');
  const defaults = {
    name: intake?.name ?? '',
    phone: intake?.phone ?? '',
    email: intake?.email ?? undefined,
    languages: language ? [language] : undefined,
    municipality_code: request.municipality_code ?? undefined,
    consent_at: text('consent_at'),
    ...(text('ofp_member_no') ? { eligibility: 'ofp_member', ofp_member_no: text('ofp_member_no') } : {}),
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Alert severity="warning" sx={{ mb: 1 }}>
        {translate('casework.intake.unlinked')}
      </Alert>
      <Form resource="support-requests" record={{ client_id: null }} onSubmit={link}>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <ClientInput isRequired newClientDefaults={defaults} />
          <SaveButton label="casework.intake.link" sx={{ mt: 1 }} alwaysEnable={false} />
        </Stack>
      </Form>
    </Box>
  );
};
