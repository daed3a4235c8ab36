import { Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { STATUS_TABS, filterForTab, tabForFilter, type StatusTab } from './statusGroups';

/** Tabs over the request list; the other filters are kept when switching. */
export const StatusTabs = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const current = tabForFilter(filterValues.status);
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
          label={translate(tab === 'ended' || tab === 'all' ? `casework.requests.tabs.${tab}` : `enums.request_status.${tab}`)}
        />
      ))}
    </Tabs>
  );
};
