import { useSearchParams } from 'react-router';
import { defaultMonth, fiscalYearOf, isMonth, type Audience, type Selection } from './period';

/**
 * The period and audience live in the address (#/reports?month=2026-10&audience=external),
 * so a reload or a shared link shows the same figures.
 */
export const useSelection = () => {
  const [params, setParams] = useSearchParams();
  const fallback = defaultMonth();
  const month = isMonth(params.get('month')) ? params.get('month')! : fallback;
  const year = Number(params.get('year'));
  const selection: Selection =
    params.has('year') && Number.isInteger(year) && year >= 2000 && year <= 2100 ? { kind: 'fiscal_year', year } : { kind: 'month', month };
  const audience: Audience = params.get('audience') === 'external' ? 'external' : 'internal';

  const update = (next: Selection, nextAudience: Audience = audience) =>
    setParams(next.kind === 'month' ? { month: next.month, audience: nextAudience } : { year: String(next.year), audience: nextAudience }, {
      replace: true,
    });

  return {
    selection,
    audience,
    setSelection: (next: Selection) => update(next),
    // From the address as it is at the click, not as this render saw it: a click that comes
    // right after the period changed must not bring the previous period back.
    // (react-router's functional form would still hand over this render's parameters.)
    setAudience: (next: Audience) => {
      const hash = window.location.hash;
      const now = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
      now.set('audience', next);
      setParams(now, { replace: true });
    },
    /** Switching month ↔ fiscal year keeps the time the user was looking at. */
    setKind: (kind: Selection['kind']) =>
      update(
        kind === 'month'
          ? { kind, month: selection.kind === 'month' ? selection.month : fallback }
          : { kind, year: selection.kind === 'fiscal_year' ? selection.year : fiscalYearOf(month) },
      ),
  };
};
