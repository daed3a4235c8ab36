import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  FormLabel,
  Link as MuiLink,
  Radio,
  RadioGroup,
  Stack,
  Typography,
} from '@mui/material';
import clientsSample from '../../seeds/samples/clients-sample.csv?url';
import volunteersSample from '../../seeds/samples/volunteers-sample.csv?url';
import { useState } from 'react';
import { Link, Title, useCanAccess, useLogoutIfAccessDenied, useNotify, useTranslate } from 'react-admin';
import { ImportProgress } from './ImportProgress';
import { ImportResultView } from './ImportResultView';
import { IMPORT_KINDS, createdCount, uploadCsv, type ImportKind, type ImportResult } from './uploadCsv';

/** The kinds this role may create, since an import creates records; undefined while asking. */
const useImportableKinds = (): ImportKind[] | undefined => {
  const clients = useCanAccess({ resource: 'clients', action: 'create' });
  const volunteers = useCanAccess({ resource: 'volunteers', action: 'create' });
  if (clients.isPending || volunteers.isPending) return undefined;
  const allowed = { clients: clients.canAccess, volunteers: volunteers.canAccess };
  return IMPORT_KINDS.filter((kind) => allowed[kind]);
};

const FilePicker = ({ file, onPick }: { file: File | null; onPick: (file: File | null) => void }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Button variant="outlined" component="label" startIcon={<UploadFileIcon />}>
        {translate('imports.choose_file')}
        <input
          hidden
          type="file"
          accept=".csv,text/csv"
          aria-label={translate('imports.choose_file')}
          onChange={(event) => {
            onPick(event.target.files?.[0] ?? null);
            // The same file picked again (after fixing it) must count as a new choice.
            event.target.value = '';
          }}
        />
      </Button>
      <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'}>
        {file ? file.name : translate('imports.no_file')}
      </Typography>
    </Stack>
  );
};

const ImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const kinds = useImportableKinds();
  const [chosenKind, setKind] = useState<ImportKind | null>(null);
  const kind = chosenKind ?? kinds?.[0] ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [duplicatesAccepted, setDuplicatesAccepted] = useState(false);

  const reset = () => {
    setResult(null);
    setDuplicatesAccepted(false);
  };

  const send = async (dryRun: boolean) => {
    if (!kind || !file) return;
    setProgress(0);
    try {
      const outcome = await uploadCsv(kind, file, dryRun, setProgress, duplicatesAccepted);
      if ('result' in outcome) {
        setResult(outcome.result);
        if (!outcome.result.dry_run && createdCount(outcome.result) > 0) {
          notify('imports.done', { type: 'success', messageArgs: { count: createdCount(outcome.result) } });
        }
      } else if (!(await logoutIfAccessDenied({ status: outcome.status }))) {
        notify(outcome.message || 'ra.notification.http_error', { type: 'error' });
      }
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const imported = result && !result.dry_run && createdCount(result) > 0;
  const hasDuplicates = !!result?.warnings?.length;
  const canImport =
    !!result && result.errors.length === 0 && result.valid_rows > 0 && !imported && (!hasDuplicates || duplicatesAccepted) && !busy;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="imports.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('imports.title')}
        </Typography>
        {!kinds ? null : kinds.length === 0 || !kind ? (
          <Alert severity="info">{translate('imports.forbidden')}</Alert>
        ) : (
          <Stack spacing={2} sx={{ maxWidth: 1100 }}>
            <Box>
              <FormLabel id="import-kind">{translate('imports.kind')}</FormLabel>
              <RadioGroup
                row
                aria-labelledby="import-kind"
                value={kind}
                onChange={(_, value) => {
                  setKind(value as ImportKind);
                  reset();
                }}
              >
                {kinds.map((k) => (
                  <FormControlLabel
                    key={k}
                    value={k}
                    control={<Radio />}
                    label={translate(`resources.${k}.name`, { smart_count: 2 })}
                    disabled={busy}
                  />
                ))}
              </RadioGroup>
            </Box>
            <Typography variant="body2" color="text.secondary">
              {translate('imports.file_hint')}
            </Typography>
            <Typography variant="body2">
              <MuiLink href={kind === 'clients' ? clientsSample : volunteersSample} download={`${kind}-sample.csv`}>
                {translate('imports.sample', { name: translate(`resources.${kind}.name`, { smart_count: 2 }) })}
              </MuiLink>
            </Typography>
            <FilePicker
              file={file}
              onPick={(picked) => {
                setFile(picked);
                reset();
              }}
            />
            {hasDuplicates && !imported && (
              <FormControlLabel
                control={<Checkbox checked={duplicatesAccepted} onChange={(_, checked) => setDuplicatesAccepted(checked)} />}
                label={translate('imports.accept_duplicates', { rows: new Set(result?.warnings?.map((w) => w.row)).size })}
              />
            )}
            <Stack direction="row" spacing={2}>
              <Button variant="outlined" disabled={!file || busy} onClick={() => void send(true)}>
                {translate('imports.check')}
              </Button>
              <Button variant="contained" disabled={!canImport} onClick={() => void send(false)}>
                {translate('imports.import')}
              </Button>
            </Stack>
            {busy && <ImportProgress fraction={progress} />}
            {imported && (
              <Alert severity="success" action={<Link to={`/${kind}`}>{translate('imports.open_list')}</Link>}>
                {translate('imports.done', { count: createdCount(result) })}
              </Alert>
            )}
            {result && !imported && <ImportResultView kind={kind} result={result} />}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

export default ImportPage;
