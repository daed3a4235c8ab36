import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, Stack } from '@mui/material';
import { useCanAccess, useTranslate } from 'react-admin';
import { useConsoleLocale } from '../fields/iso';
import { API_URL } from '../providers/dataProvider';
import { exportPath, type Audience, type Selection } from './period';

const ENCODINGS = [
  { encoding: 'utf-8', label: 'CSV (UTF-8)' },
  { encoding: 'shift_jis', label: 'CSV (Shift_JIS)' },
] as const;

/**
 * Plain download links to the server's CSV of the same period and audience: the server writes
 * the encoding Excel expects, applies the same suppression, neutralises formulas and audits.
 */
export const ExportButtons = ({ selection, audience }: { selection: Selection; audience: Audience }) => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  const { canAccess } = useCanAccess({ resource: 'reports', action: 'export' });
  if (!canAccess) return null;
  return (
    <Stack direction="row" spacing={1} title={translate('reports.download')}>
      {ENCODINGS.map(({ encoding, label }) => (
        <Button
          key={encoding}
          component="a"
          href={`${API_URL}${exportPath(selection, audience, locale, encoding)}`}
          download
          size="small"
          variant="outlined"
          startIcon={<DownloadIcon />}
          // The encoding names are spelt as Excel users know them, not upper-cased.
          sx={{ textTransform: 'none' }}
        >
          {label}
        </Button>
      ))}
    </Stack>
  );
};
