import type { Knex } from 'knex';
import { countryName, languageName } from '../domain/iso.js';
import { enumLabel, type Lang } from '../domain/labels.js';
import type { Value } from '../domain/suppression.js';
import type { PublicReport } from './external.js';
import { AMOUNT_LABELS, FIGURE_LABELS, HIDDEN_NOTE, SECTION_LABELS } from './labels.js';

export type Row = [string, string, Value, Value];

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

/** The report as CSV rows: section, item, this period, previous period. */
export async function reportRows(db: Knex, report: PublicReport, lang: Lang, external: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const section = (name: string) => SECTION_LABELS[name]![lang];
  const figure = (name: string) => FIGURE_LABELS[name]?.[lang] ?? name;
  for (const [key, p] of Object.entries(report.counts)) rows.push([section('counts'), figure(key), p.value, p.previous]);
  for (const [key, p] of Object.entries(report.rates)) rows.push([section('rates'), figure(key), p.value, p.previous]);
  for (const [key, p] of Object.entries(report.days_to_confirmation)) rows.push([section('days'), figure(key), p.value, p.previous]);
  rows.push([section('hours'), figure('volunteer_hours'), report.volunteer_hours.value, report.volunteer_hours.previous]);
  for (const [key, p] of Object.entries(report.amounts)) {
    const [kind = '', what = ''] = key.replace(/_yen$/, '').replace('transfer_fee', 'transfer-fee').split('_');
    const label = `${AMOUNT_LABELS[kind.replace('-', '_')]![lang]} ${AMOUNT_LABELS[what]![lang]}`;
    rows.push([section('amounts'), label, p.value, p.previous]);
  }
  const label = await keyLabeller(db, lang);
  for (const [dim, cells] of Object.entries(report.breakdowns)) {
    for (const c of cells) rows.push([section(dim), label(dim, c.key), c.value, c.previous]);
  }
  if (external) rows.push([section('note'), HIDDEN_NOTE[lang], null, null]);
  return rows;
}
