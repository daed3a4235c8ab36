/** Reporting periods in Japan time: a calendar month, or a fiscal year from April to March. */
export type Period = { kind: 'month' | 'fiscal_year'; label: string; start_date: string; end_date: string; start: string; end: string };

const iso = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
const at = (date: string) => `${date}T00:00:00+09:00`;

function make(kind: Period['kind'], label: string, startDate: string, endDate: string): Period {
  return { kind, label, start_date: startDate, end_date: endDate, start: at(startDate), end: at(endDate) };
}

/** `end` is exclusive: the first instant of the next period. */
export function monthPeriod(month: string): Period {
  const [y = 0, m = 0] = month.split('-').map(Number);
  const next = m === 12 ? iso(y + 1, 1) : iso(y, m + 1);
  return make('month', month, iso(y, m), next);
}

export function previousMonth(month: string): string {
  const [y = 0, m = 0] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function fiscalYearPeriod(year: number): Period {
  return make('fiscal_year', `${year}`, iso(year, 4), iso(year + 1, 4));
}
