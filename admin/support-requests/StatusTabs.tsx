import { Box, Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { useBadges } from '../dashboard/useDashboard';
import { STATUS_TABS, filterForTab, tabForFilter, type StatusTab } from './statusGroups';

/** Tabs over the request list; the other filters are kept when switching. */
export const StatusTabs = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const current = tabForFilter(filterValues.status);
  // Each tab's number from the counters the database keeps (the menu's GET /api/badges: no call
  // of its own); only while no other filter narrows the list, when it is that tab's total.
  const { data } = useBadges(true);
  const counts = Object.keys(filterValues).every((key) => key === 'status') ? data?.requests_by_status : undefined;
  const countOf = (tab: StatusTab): number | undefined => {
    if (!counts) return undefined;
    const statuses = filterForTab(tab);
    const wanted = statuses === undefined ? Object.keys(counts) : typeof statuses === 'string' ? [statuses] : statuses;
    return wanted.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  };
  const select = (tab: StatusTab) => {
    const { status: _previous, ...rest } = filterValues;
    const status = filterForTab(tab);
    setFilters(status === undefined ? rest : { ...rest, status }, displayedFilters);
  };
  return (
    <Tabs
      value={current}
      onChange={(_e, tab: StatusTab) => select(tab)}
      variant="scrollable"
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      {STATUS_TABS.map((tab) => (
        <Tab
          key={tab}
          value={tab}
          label={
            <span>
              {translate(tab === 'ended' || tab === 'all' ? `casework.requests.tabs.${tab}` : `enums.request_status.${tab}`)}
              {countOf(tab) !== undefined && (
                <Box component="span" sx={{ ml: 0.75, color: 'text.secondary' }}>
                  {countOf(tab)?.toLocaleString()}
                </Box>
              )}
            </span>
          }
        />
      ))}
    </Tabs>
  );
};
