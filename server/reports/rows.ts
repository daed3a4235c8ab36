import type { Knex } from 'knex';
import { countryName, languageName } from '../domain/iso.js';
import { enumLabel, type Lang } from '../domain/labels.js';
import type { Value } from '../domain/suppression.js';
import type { PublicReport } from './external.js';
import type { Period } from '../domain/period.js';
import { AMOUNT_LABELS, CSV_PERIOD, CSV_TITLES, FIGURE_LABELS, HIDDEN_NOTE, SECTION_LABELS } from './labels.js';

export type Row = [string, string, Value, Value, Value];

/** The change from the previous period, or nothing when either side is hidden or missing. */
const change = (value: Value, previous: Value): Value =>
  typeof value === 'number' && typeof previous === 'number' ? Math.round((value - previous) * 10) / 10 : null;

/** A rate as the console shows it: 0.364 is 36.4 (percent); a hidden rate stays as written. */
const percent = (v: Value): Value => (typeof v === 'number' ? Math.round(v * 1000) / 10 : v);

const row = (section: string, item: string, value: Value, previous: Value): Row => [
  section,
  item,
  value,
  previous,
  change(value, previous),
];

const day = (date: string, lang: Lang) => (lang === 'ja' ? date.replaceAll('-', '/') : date);

/** A period as people write it: its first and last day (the stored end is the next period's start). */
export function periodText(p: Period, lang: Lang): string {
  const last = new Date(`${p.end_date}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return `${day(p.start_date, lang)}〜${day(last.toISOString().slice(0, 10), lang)}`;
}

/** Title, periods and audience: the rows above the header, so a printed or forwarded file says what it is. */
export function reportPreamble(report: PublicReport, kind: 'monthly' | 'fiscal-year', lang: Lang, external: boolean): string[][] {
  const t = CSV_PERIOD[lang];
  return [
    [CSV_TITLES[kind][lang], external ? t.external : t.internal],
    [t.period, periodText(report.period, lang)],
    [t.previous, periodText(report.previous_period, lang)],
    [],
  ];
}

const UNKNOWN: Record<Lang, string> = { ja: '不明', en: 'Unknown' };

async function keyLabeller(db: Knex, lang: Lang) {
  const municipalities = new Map<string, string>(
    (await db('municipalities').select('code', 'name_ja', 'name_en')).map((m: { code: string; name_ja: string; name_en: string }) => [
      m.code,
      lang === 'ja' ? m.name_ja : m.name_en,
    ]),
  );
  return (dim: string, key: string): string => {
    if (key === 'unknown') return UNKNOWN[lang];
    if (dim === 'language') return languageName(key, lang);
    if (dim === 'nationality') return countryName(key, lang);
    if (dim === 'municipality') return municipalities.get(key) ?? key;
    return enumLabel(dim, key, lang);
  };
}

/** The report as CSV rows: section, item, this period, previous period, change. */
export async function reportRows(db: Knex, report: PublicReport, lang: Lang, external: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const section = (name: string) => SECTION_LABELS[name]![lang];
  const figure = (name: string) => FIGURE_LABELS[name]?.[lang] ?? name;
  for (const [key, p] of Object.entries(report.counts)) rows.push(row(section('counts'), figure(key), p.value, p.previous));
  // Rates in percent and their change in points, as on screen.
  const pct = CSV_PERIOD[lang].percent;
  for (const [key, p] of Object.entries(report.rates))
    rows.push(row(section('rates'), `${figure(key)} ${pct}`, percent(p.value), percent(p.previous)));
  for (const [key, p] of Object.entries(report.days_to_confirmation)) rows.push(row(section('days'), figure(key), p.value, p.previous));
  rows.push(row(section('hours'), figure('volunteer_hours'), report.volunteer_hours.value, report.volunteer_hours.previous));
  rows.push(row(section('counts'), figure('feedback_average'), report.feedback_average.value, report.feedback_average.previous));
  for (const [key, p] of Object.entries(report.amounts)) {
    const [kind = '', what = ''] = key.replace(/_yen$/, '').replace('transfer_fee', 'transfer-fee').split('_');
    const label = `${AMOUNT_LABELS[kind.replace('-', '_')]![lang]} ${AMOUNT_LABELS[what]![lang]}`;
    rows.push(row(section('amounts'), label, p.value, p.previous));
  }
  const label = await keyLabeller(db, lang);
  for (const [dim, cells] of Object.entries(report.breakdowns)) {
    for (const c of cells) rows.push(row(section(dim), label(dim, c.key), c.value, c.previous));
  }
  if (external) rows.push([section('note'), HIDDEN_NOTE[lang], null, null, null]);
  return rows;
}
