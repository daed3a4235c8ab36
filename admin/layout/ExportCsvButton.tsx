import DownloadIcon from '@mui/icons-material/GetApp';
import { Button } from '@mui/material';
import { useCanAccess, useListContext, useLocaleState, useResourceContext, useTranslate } from 'react-admin';
import { API_URL } from '../providers/dataProvider';

/**
 * The CSV comes from the server (/api/exports/<resource>.csv), not from the browser: the
 * server neutralises formula cells, writes an Excel-friendly encoding and audits the export.
 */
export const ExportCsvButton = () => {
  const resource = useResourceContext();
  const { filterValues, sort, total } = useListContext();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource, action: 'export' });
  if (!resource || !canAccess) return null;
  const query = new URLSearchParams({
    filter: JSON.stringify(filterValues),
    sort: JSON.stringify([sort.field, sort.order]),
    lang: locale,
  });
  // `download` keeps the console open even when the server answers with an error.
  return (
    <Button
      component="a"
      href={`${API_URL}/exports/${resource}.csv?${query}`}
      download
      size="small"
      startIcon={<DownloadIcon />}
      disabled={total === 0}
    >
      {translate('ra.action.export')}
    </Button>
  );
};
