import {
  Alert,
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { formatTokyo } from '../format';
import { useConsoleLocale, useLanguageChoices } from '../fields/iso';
import { apiErrorMessage, getJson, postJson } from '../providers/api';

type Consent = {
  id: number;
  kind: 'use' | 'sensitive';
  action: 'given' | 'withdrawn';
  method: string;
  text_version: string;
  language: string;
  given_at: string;
  recorded_by_name: string | null;
  support_request_id: number | null;
  note: string | null;
};

const STAFF_METHODS = ['phone', 'in_person', 'paper'] as const;

/** A language code of a consent named for staff (a form language such as ja-easy or fa-AF included). */
const useConsentLanguage = () => {
  const locale = useConsoleLocale();
  const translate = useTranslate();
  return (code: string) => {
    if (code === 'ja-easy') return translate('casework.intake.easy_japanese');
    if (code === 'und') return '—';
    try {
      return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
};

/**
 * The resident's consents (APPI): each consent and withdrawal with its kind, how, when, the text
 * version and language, and who recorded it; buttons to record one taken by phone, in person
 * or on paper, and a withdrawal (which erases the special-care notes).
 */
export const ClientConsents = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const language = useConsentLanguage();
  const { canAccess: canEdit } = useCanAccess({ resource: 'clients', action: 'edit' });
  const [rows, setRows] = useState<Consent[]>([]);
  const [dialog, setDialog] = useState<null | 'given' | 'withdrawn'>(null);
  const id = record?.id;
  const load = useCallback(() => {
    if (id == null) return;
    getJson<Consent[]>(`/clients/${id}/consents`).then(setRows, () => setRows([]));
  }, [id]);
  useEffect(load, [load]);
  if (!record) return null;
  const anonymised = !!record.anonymised_at;
  return (
    <Box component="section" aria-labelledby="consents-title" sx={{ maxWidth: 960, my: 2 }}>
      <Typography variant="subtitle1" component="h3" id="consents-title" sx={{ fontWeight: 700, mb: 1 }}>
        {translate('resources.clients.consents.title')}
      </Typography>
      {record.special_care_reconfirm && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('resources.clients.consents.reconfirm')}
        </Alert>
      )}
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.clients.consents.none')}
        </Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small">
            <TableHead>
              <TableRow>
                {['given_at', 'kind', 'action', 'method', 'language', 'text_version', 'recorded_by', 'note'].map((k) => (
                  <TableCell key={k}>{translate(`resources.clients.consents.${k}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((c) => (
                <TableRow key={c.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTokyo(c.given_at)}</TableCell>
                  <TableCell>{translate(`enums.consent_kind.${c.kind}`)}</TableCell>
                  <TableCell>{translate(`enums.consent_action.${c.action}`)}</TableCell>
                  <TableCell>{translate(`enums.consent_method.${c.method}`)}</TableCell>
                  <TableCell>{language(c.language)}</TableCell>
                  <TableCell>{c.text_version}</TableCell>
                  <TableCell>{c.recorded_by_name ?? '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{c.note ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {canEdit && !anonymised && (
        <Stack direction="row" sx={{ gap: 1, mt: 1, flexWrap: 'wrap' }}>
          <Button label="resources.clients.consents.record" variant="outlined" onClick={() => setDialog('given')} />
          {record.sensitive_consent_at && (
            <Button label="resources.clients.consents.withdraw" color="error" variant="outlined" onClick={() => setDialog('withdrawn')} />
          )}
        </Stack>
      )}
      {dialog && (
        <ConsentDialog
          action={dialog}
          clientId={record.id}
          defaultLanguage={(record.languages as string[] | undefined)?.[0] ?? 'ja'}
          onClose={(changed) => {
            setDialog(null);
            if (changed) load();
          }}
        />
      )}
    </Box>
  );
};

const ConsentDialog = ({
  action,
  clientId,
  defaultLanguage,
  onClose,
}: {
  action: 'given' | 'withdrawn';
  clientId: string | number;
  defaultLanguage: string;
  onClose: (changed: boolean) => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const languages = useLanguageChoices();
  const [kind, setKind] = useState<'use' | 'sensitive'>('sensitive');
  const [method, setMethod] = useState<string>('phone');
  const [language, setLanguage] = useState(defaultLanguage);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const save = async () => {
    setPending(true);
    try {
      const body = action === 'given' ? { kind, method, language, note } : { kind: 'sensitive', method, note };
      await postJson(`/clients/${clientId}/consents${action === 'withdrawn' ? '/withdraw' : ''}`, body);
      notify(action === 'given' ? 'resources.clients.consents.recorded' : 'resources.clients.consents.withdrawn', { type: 'info' });
      refresh();
      onClose(true);
    } catch (error) {
      setErrors((error as { body?: { errors?: Record<string, string> } }).body?.errors ?? {});
      notify(apiErrorMessage(error), { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  const title = action === 'given' ? 'resources.clients.consents.record' : 'resources.clients.consents.withdraw';
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm" aria-labelledby="consent-dialog-title">
      <DialogTitle id="consent-dialog-title">{translate(title)}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          {action === 'given' && (
            <TextField
              select
              label={translate('resources.clients.consents.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as 'use' | 'sensitive')}
            >
              {(['sensitive', 'use'] as const).map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`enums.consent_kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            select
            label={translate('resources.clients.consents.method')}
            value={method}
            onChange={(e) => setMethod(e.target.value)}
            error={!!errors.method}
            helperText={errors.method}
          >
            {STAFF_METHODS.map((m) => (
              <MenuItem key={m} value={m}>
                {translate(`enums.consent_method.${m}`)}
              </MenuItem>
            ))}
          </TextField>
          {action === 'given' && (
            <TextField
              select
              label={translate('resources.clients.consents.language')}
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
              error={!!errors.language}
              helperText={errors.language}
            >
              {languages.map((l) => (
                <MenuItem key={String(l.id)} value={String(l.id)}>
                  {String(l.name)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            label={translate('resources.clients.consents.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            error={!!errors.note}
            helperText={errors.note}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={() => onClose(false)} />
        <Button label={title} variant="contained" color={action === 'given' ? 'primary' : 'error'} disabled={pending} onClick={save} />
      </DialogActions>
    </Dialog>
  );
};
