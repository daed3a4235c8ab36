import { Alert, Box, Card, CardContent, Chip, List, ListItem, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  Button,
  Confirm,
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
import { apiErrorMessage, getJson, postJson } from '../providers/api';
import { useApiSubmit } from '../providers/useApiSubmit';
import { ClientInput } from './ClientInput';
import { languageName } from '../../server/domain/iso';
import { useConsoleLocale } from '../fields/iso';

type Slot = { start_at: string; end_at: string };
type Consent = { kind: string; text_version: string; language: string; given_at: string };
type Intake = Record<string, unknown> & { name?: string; phone?: string; email?: string; preferred_slots?: Slot[]; consents?: Consent[] };

// Shown in this order; anything else the form sent follows under its own key.
const KNOWN = [
  'name',
  'phone',
  'email',
  'contact_language',
  'lang',
  'municipality_code',
  'category',
  'task_type',
  'mode',
  'preferred_slots',
  'description',
  'ofp_member_no',
  'partner_name',
  'sensitive_info',
  'consent_at',
  'consents',
];
// Kept for the server's use, never worth a line: the partner's id (its name is shown).
const HIDDEN = ['partner_id', 'consent'];

const ENUM_FIELDS: Record<string, string> = { mode: 'mode', category: 'category', task_type: 'task_type' };

/** The form's language named for staff: やさしい日本語 and regional variants (zh-Hant, fa-AF) included. */
const useFormLanguageName = () => {
  const locale = useConsoleLocale();
  const translate = useTranslate();
  return (code: string) => {
    if (code === 'ja-easy') return translate('casework.intake.easy_japanese');
    try {
      return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
};

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
  const formLanguage = useFormLanguageName();
  if (field === 'preferred_slots' && Array.isArray(value)) {
    return (
      <>
        {(value as Slot[]).map((slot) => (
          <SlotLine key={slot.start_at} slot={slot} />
        ))}
      </>
    );
  }
  if (field === 'consents' && Array.isArray(value)) {
    return (
      <>
        {(value as Consent[]).map((c) => (
          <Box key={c.kind}>
            {translate('casework.intake.consent_line', {
              kind: translate(`enums.consent_kind.${c.kind}`, { _: c.kind }),
              version: c.text_version,
              language: formLanguage(c.language),
              at: formatTokyo(c.given_at),
            })}
          </Box>
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
  if (field === 'lang' && typeof value === 'string') return <>{formLanguage(value)}</>;
  if (field === 'contact_language' && typeof value === 'string') return <>{languageName(value, locale)}</>;
  if (field === 'consent_at' && typeof value === 'string') return <>{formatTokyo(value)}</>;
  if (typeof value === 'boolean') return <>{translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}</>;
  // Free text exactly as the resident wrote it, line breaks included.
  return <span style={{ whiteSpace: 'pre-wrap' }}>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</span>;
};

/**
 * What a resident typed into the web form, and — while the request is not yet linked to a
 * client — likely matching clients, the way to find or register that client and link them,
 * or to reject the request as spam.
 */
export const IntakePanel = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const intake = (record?.intake ?? null) as Intake | null;
  if (!record || (!intake && record.client_id != null)) return null;
  const fields = intake
    ? [...KNOWN.filter((k) => k in intake), ...Object.keys(intake).filter((k) => !KNOWN.includes(k) && !HIDDEN.includes(k))]
    : [];
  return (
    <Card
      variant="outlined"
      component="section"
      aria-labelledby="intake-title"
      sx={{ borderColor: record.client_id == null ? 'warning.main' : undefined }}
    >
      <CardContent>
        <Typography variant="h6" component="h2" id="intake-title" gutterBottom>
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
        {record.client_id == null && intake && <IntakeMatches request={record} intake={intake} />}
        {record.client_id == null && <LinkClientForm request={record} intake={intake} />}
        {record.client_id == null && intake && record.status === 'received' && <SpamButton request={record} />}
      </CardContent>
    </Card>
  );
};

type Match = { id: number; client_no: string; name: string; name_kana: string | null; match: string[] };

/** Clients with the same phone number or e-mail address as the sender: one click links one. */
const IntakeMatches = ({ request, intake }: { request: RaRecord; intake: Intake }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate();
  const [matches, setMatches] = useState<Match[]>([]);
  const query = new URLSearchParams();
  if (intake.phone) query.set('phone', intake.phone);
  if (intake.email) query.set('email', intake.email);
  const search = query.toString();
  useEffect(() => {
    if (!search) return;
    let live = true;
    getJson<Match[]>(`/clients/duplicates?${search}`).then(
      (found) => live && setMatches(found),
      () => live && setMatches([]),
    );
    return () => {
      live = false;
    };
  }, [search]);
  if (!matches.length) return null;
  const link = (clientId: number) =>
    update(
      'support-requests',
      { id: request.id, data: { client_id: clientId, version: request.version }, previousData: request },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('casework.intake.linked', { type: 'info' });
          refresh();
        },
        onError: (error) => notify(apiErrorMessage(error), { type: 'error' }),
      },
    );
  return (
    <Alert severity="info" sx={{ mt: 2 }}>
      {translate('casework.intake.matches')}
      <List dense disablePadding>
        {matches.map((m) => (
          <ListItem key={m.id} disableGutters sx={{ gap: 1, flexWrap: 'wrap' }}>
            <span>{`${m.client_no} ${m.name}${m.name_kana ? `（${m.name_kana}）` : ''}`}</span>
            {m.match.map((kind) => (
              <Chip key={kind} size="small" label={translate(`people.duplicates.match.${kind}`)} />
            ))}
            <Button label="casework.intake.link_this" size="small" disabled={isPending} onClick={() => link(m.id)} />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};

/** Spam: rejected, and the sender's data erased; only the counts stay. */
const SpamButton = ({ request }: { request: RaRecord }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const confirm = async () => {
    setPending(true);
    try {
      await postJson(`/support-requests/${request.id}/spam`, { version: request.version });
      notify('casework.intake.spam_done', { type: 'info' });
      refresh();
    } catch (error) {
      notify(apiErrorMessage(error), { type: 'error' });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Button label="casework.intake.spam" color="error" variant="outlined" onClick={() => setOpen(true)} />
      <Confirm
        isOpen={open}
        loading={pending}
        title="casework.intake.spam"
        content="casework.intake.spam_confirm"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </Box>
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
  // What the resident already told us on the form, so nobody types it again; the consents
  // given on the form become the resident's when the request is linked.
  const text = (key: string) => (typeof intake?.[key] === 'string' && intake[key] ? (intake[key] as string) : undefined);
  const language = text('contact_language');
  const partnerId = typeof intake?.partner_id === 'number' ? intake.partner_id : undefined;
  const defaults = {
    name: intake?.name ?? '',
    phone: intake?.phone ?? '',
    email: intake?.email ?? undefined,
    languages: language ? [language] : undefined,
    municipality_code: request.municipality_code ?? undefined,
    consent_at: text('consent_at'),
    ...(partnerId ? { eligibility: 'partner_referral', partner_id: partnerId } : {}),
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
