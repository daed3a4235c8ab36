import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { IconButton, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useConsoleLocale } from '../fields/iso';
import { TIME_ZONE } from '../format';
import { addMonths, fiscalYearOf, joinMonth, splitMonth, tokyoMonth, type Selection } from './period';

const YEARS_BACK = 10;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => to - i);

type Props = { selection: Selection; onChange: (next: Selection) => void; onKindChange: (kind: Selection['kind']) => void };

/**
 * Selects instead of <input type="month">, which some browsers render as a bare text box.
 * Months after the current Tokyo month are not offered: they have no figures yet.
 */
export const PeriodPicker = ({ selection, onChange, onKindChange }: Props) => {
  const translate = useTranslate();
  const locale = useConsoleLocale();
  const current = tokyoMonth();
  const [currentYear] = splitMonth(current);
  const currentFiscal = fiscalYearOf(current);
  // Formatted as the calendar date it names (mid-month, UTC), so no time zone can shift it.
  const name = (options: Intl.DateTimeFormatOptions, year: number, month = 6) =>
    new Date(Date.UTC(year, month - 1, 15)).toLocaleDateString(locale, { ...options, timeZone: TIME_ZONE });

  return (
    // Not shrinking: squeezed by the buttons beside it, the selects would wrap one under another.
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', flexShrink: 0 }}>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={selection.kind}
        onChange={(_, kind: Selection['kind'] | null) => kind && onKindChange(kind)}
        aria-label={translate('reports.kind.label')}
      >
        <ToggleButton value="month">{translate('reports.kind.month')}</ToggleButton>
        <ToggleButton value="fiscal_year">{translate('reports.kind.fiscal_year')}</ToggleButton>
      </ToggleButtonGroup>
      {selection.kind === 'month' ? (
        <MonthSelects
          selection={selection}
          onChange={onChange}
          name={name}
          current={current}
          years={range(currentYear - YEARS_BACK, currentYear)}
        />
      ) : (
        <>
          <IconButton
            aria-label={translate('reports.previous_year')}
            onClick={() => onChange({ kind: 'fiscal_year', year: selection.year - 1 })}
          >
            <ChevronLeftIcon />
          </IconButton>
          <TextField
            select
            fullWidth={false}
            size="small"
            label={translate('reports.fiscal_year')}
            value={selection.year}
            onChange={(event) => onChange({ kind: 'fiscal_year', year: Number(event.target.value) })}
            sx={{ minWidth: 260 }}
          >
            {range(Math.min(selection.year, currentFiscal - YEARS_BACK), Math.max(selection.year, currentFiscal)).map((year) => (
              <MenuItem key={year} value={year}>
                {translate('reports.fiscal_year_option', { year, next: year + 1 })}
              </MenuItem>
            ))}
          </TextField>
          <IconButton
            aria-label={translate('reports.next_year')}
            disabled={selection.year >= currentFiscal}
            onClick={() => onChange({ kind: 'fiscal_year', year: selection.year + 1 })}
          >
            <ChevronRightIcon />
          </IconButton>
        </>
      )}
    </Stack>
  );
};

type MonthProps = {
  selection: Extract<Selection, { kind: 'month' }>;
  onChange: (next: Selection) => void;
  name: (options: Intl.DateTimeFormatOptions, year: number, month?: number) => string;
  current: string;
  years: number[];
};

const MonthSelects = ({ selection, onChange, name, current, years }: MonthProps) => {
  const translate = useTranslate();
  const [year, month] = splitMonth(selection.month);
  // A month past the current one (after a year change) is pulled back to the current month.
  const go = (next: string) => onChange({ kind: 'month', month: next > current ? current : next });
  const shownYears = years.includes(year) ? years : [...years, year];
  return (
    <>
      <IconButton aria-label={translate('reports.previous_month')} onClick={() => go(addMonths(selection.month, -1))}>
        <ChevronLeftIcon />
      </IconButton>
      <TextField
        select
        fullWidth={false}
        size="small"
        label={translate('reports.year')}
        value={year}
        onChange={(event) => go(joinMonth(Number(event.target.value), month))}
        sx={{ minWidth: 110 }}
      >
        {shownYears.map((y) => (
          <MenuItem key={y} value={y}>
            {name({ year: 'numeric' }, y)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        fullWidth={false}
        size="small"
        label={translate('reports.month')}
        value={month}
        onChange={(event) => go(joinMonth(year, Number(event.target.value)))}
        sx={{ minWidth: 110 }}
      >
        {range(1, 12)
          .reverse()
          .map((m) => (
            <MenuItem key={m} value={m} disabled={joinMonth(year, m) > current}>
              {name({ month: 'long' }, year, m)}
            </MenuItem>
          ))}
      </TextField>
      <IconButton
        aria-label={translate('reports.next_month')}
        disabled={selection.month >= current}
        onClick={() => go(addMonths(selection.month, 1))}
      >
        <ChevronRightIcon />
      </IconButton>
    </>
  );
};
