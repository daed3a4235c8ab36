import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ImportError, ImportKind, ImportResult } from './uploadCsv';
import { usePreviewText } from './usePreviewText';

const PREVIEW_ROWS = 20;
// One line per record; long notes are cut and shown whole on hover.
const CELL = { whiteSpace: 'nowrap', maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis' } as const;

type Translate = ReturnType<typeof useTranslate>;

const columnLabel = (translate: Translate, kind: ImportKind, column: string) =>
  column === 'row' ? translate('imports.row') : translate(`resources.${kind}.fields.${column}`, { _: column });

const Counts = ({ result }: { result: ImportResult }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <Chip label={`${translate('imports.total_rows')}: ${result.total_rows}`} />
      <Chip color="success" variant="outlined" label={`${translate('imports.valid_rows')}: ${result.valid_rows}`} />
      <Chip
        color={result.errors.length ? 'error' : 'default'}
        variant="outlined"
        label={`${translate('imports.error_count')}: ${result.errors.length}`}
      />
      {!!result.warnings?.length && (
        <Chip color="warning" variant="outlined" label={`${translate('imports.warning_count')}: ${result.warnings.length}`} />
      )}
    </Stack>
  );
};

type ProblemTableProps = { kind: ImportKind; problems: ImportError[]; title: string; color: 'error.main' | 'warning.dark' };

const ProblemTable = ({ kind, problems, title, color }: ProblemTableProps) => {
  const translate = useTranslate();
  if (problems.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {translate(title)}
      </Typography>
      <Table size="small" aria-label={translate(title)}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 80 }}>{translate('imports.row')}</TableCell>
            <TableCell sx={{ width: 200 }}>{translate('imports.column')}</TableCell>
            <TableCell>{translate('imports.message')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {problems.map((error) => (
            <TableRow key={`${error.row}:${error.column ?? ''}:${error.message}`}>
              <TableCell>{error.row}</TableCell>
              <TableCell>{error.column ? columnLabel(translate, kind, error.column) : '—'}</TableCell>
              <TableCell sx={{ color }}>{error.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const PreviewTable = ({ kind, result }: { kind: ImportKind; result: ImportResult }) => {
  const translate = useTranslate();
  const rows = result.preview.slice(0, PREVIEW_ROWS);
  const text = usePreviewText(rows);
  if (rows.length === 0) return null;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return (
    <Box>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('imports.preview_title', { count: rows.length })}
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate('imports.preview_title', { count: rows.length })}>
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column} sx={{ whiteSpace: 'nowrap' }}>
                  {columnLabel(translate, kind, column)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              // Each preview row carries its row number in the file.
              <TableRow key={String(row.row)}>
                {columns.map((column) => {
                  const value = text(column, row[column]);
                  return (
                    <TableCell key={column} title={value} sx={CELL}>
                      {value}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};

/** What the server found in the file: counts, every error by row and column, and a preview. */
export const ImportResultView = ({ kind, result }: { kind: ImportKind; result: ImportResult }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Counts result={result} />
      {result.dry_run && result.errors.length > 0 && <Alert severity="error">{translate('imports.fix_errors')}</Alert>}
      {!result.dry_run && result.errors.length > 0 && <Alert severity="error">{translate('imports.failed')}</Alert>}
      {result.dry_run && result.errors.length === 0 && result.valid_rows > 0 && !result.warnings?.length && (
        <Alert severity="info">{translate('imports.ready', { count: result.valid_rows })}</Alert>
      )}
      {result.errors.length === 0 && !!result.warnings?.length && (
        <Alert severity="warning">
          {translate('imports.check_duplicates', {
            rows: new Set(result.warnings.map((w) => w.row)).size,
            total: result.total_rows,
          })}
        </Alert>
      )}
      <ProblemTable kind={kind} problems={result.errors} title="imports.errors_title" color="error.main" />
      <ProblemTable kind={kind} problems={result.warnings ?? []} title="imports.warnings_title" color="warning.dark" />
      <PreviewTable kind={kind} result={result} />
    </Stack>
  );
};
