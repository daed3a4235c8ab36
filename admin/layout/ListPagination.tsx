import { TablePagination, Typography } from '@mui/material';
import { useListContext, useLocaleState, useTranslate } from 'react-admin';
import { LIST_DEPTH_LIMIT } from '../../server/domain/lists';

const PER_PAGE = [10, 25, 50, 100];

/**
 * Every list's pagination. A list of more matches than the server counts exactly gets its
 * total as an estimate ("約 1,000,000件"), and the pages stop where the server stops paging.
 */
export const ListPagination = () => {
  const { page, perPage, total, meta, setPage, setPerPage, isPending } = useListContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (isPending || total === undefined || total === 0) return null;
  const approximate = meta?.totalApproximate === true;
  const reachable = Math.min(total, LIST_DEPTH_LIMIT);
  const number = (n: number) => n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB');
  const lastPage = Math.max(1, Math.ceil(reachable / perPage));
  return (
    <>
      <TablePagination
        component="div"
        count={reachable}
        page={Math.min(page, lastPage) - 1}
        rowsPerPage={perPage}
        rowsPerPageOptions={PER_PAGE}
        onPageChange={(_event, p) => setPage(p + 1)}
        onRowsPerPageChange={(event) => setPerPage(Number(event.target.value))}
        labelRowsPerPage={translate('lists.rows_per_page')}
        labelDisplayedRows={({ from, to }) =>
          translate(approximate ? 'lists.approx_range' : 'lists.range', { from: number(from), to: number(to), total: number(total) })
        }
      />
      {total > LIST_DEPTH_LIMIT && page >= lastPage ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1, textAlign: 'right' }}>
          {translate('lists.depth', { limit: number(LIST_DEPTH_LIMIT) })}
        </Typography>
      ) : null}
    </>
  );
};
