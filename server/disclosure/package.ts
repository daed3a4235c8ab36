import { stringify } from 'csv-stringify/sync';
import { ZipArchive } from 'archiver';
import { Router, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { csvCell } from '../domain/csv.js';
import { languageName } from '../domain/iso.js';
import { enumLabel, fieldLabel, YES_NO, type Lang } from '../domain/labels.js';
import { canAccess } from '../domain/roles.js';
import { toTokyoIso, tokyoDate } from '../domain/time.js';
import { audit } from '../core/audit.js';
import { forbidden, notFound } from '../core/errors.js';
import { requiredMultilineText } from '../core/fields.js';
import { actor, guard } from '../http/guard.js';
import { idParam, parseWith } from '../core/validate.js';
import { type Column, otherPeople, SECTIONS, type Section, type Subject } from './sections.js';

export const DisclosureBody = z.object({ reason: requiredMultilineText(500) }).strict();

type Filled = { section: Section; rows: Record<string, unknown>[] };

const label = (c: Column, lang: Lang) => (typeof c.label === 'string' ? fieldLabel(c.label, c.field, lang) : c.label[lang]);

/** What the audit log's field groups and the package's own entry are called. */
const GROUP_NAMES: Record<Lang, Record<string, string>> = {
  ja: { basic: '基本情報', contact: '連絡先', casework: '備考', special_care_notes: '要配慮個人情報', disclosure: '開示用データの作成' },
  en: {
    basic: 'Basic details',
    contact: 'Contact details',
    casework: 'Notes',
    special_care_notes: 'Special-care information',
    disclosure: 'Disclosure package',
  },
};

/** A value as a person reads it: Japan time, names for codes and languages, yes/no, lists joined. */
function show(c: Column, value: unknown, lang: Lang, kind: Subject['kind']): string {
  if (value == null || value === '') return '';
  const name = (v: string) =>
    c.enum
      ? enumLabel(c.enum, v, lang)
      : c.language
        ? languageName(v, lang)
        : c.fieldNames
          ? (GROUP_NAMES[lang][v] ?? fieldLabel(kind, v, lang))
          : v;
  if (value instanceof Date) return toTokyoIso(value).slice(0, 16).replace('T', ' ');
  if (typeof value === 'boolean') return YES_NO[lang][value ? 0 : 1];
  if (Array.isArray(value)) {
    const parts = value.map((v) => (typeof v === 'string' ? name(v) : JSON.stringify(v)));
    return parts.join(lang === 'ja' ? '、' : ', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return name(String(value));
}

/** Reads every section's rows, with other people's names and numbers replaced in any text. */
export async function collect(db: Knex, subject: Subject): Promise<Filled[]> {
  const others = (await otherPeople(db, subject)).filter((o) => o.text.trim().length >= 2).sort((a, b) => b.text.length - a.text.length);
  const redact = (v: unknown): unknown => {
    if (typeof v === 'string') return others.reduce((s, o) => s.split(o.text).join(o.as), v);
    if (Array.isArray(v)) return v.map(redact);
    if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redact(x)]));
    return v;
  };
  const out: Filled[] = [];
  for (const section of SECTIONS[subject.kind]) {
    const rows = await section.rows(db, subject);
    out.push({ section, rows: rows.map((r) => Object.fromEntries(section.columns.map((c) => [c.field, redact(r[c.field])]))) });
  }
  return out;
}

export function toCsv(f: Filled, lang: Lang, kind: Subject['kind']): string {
  const header = f.section.columns.map((c) => label(c, lang));
  const body = f.rows.map((r) => f.section.columns.map((c) => csvCell(show(c, r[c.field], lang, kind))));
  return `\uFEFF${stringify([header, ...body], { record_delimiter: '\r\n' })}`;
}

const html = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const TEXT: Record<Lang, Record<string, string>> = {
  ja: {
    title: '保有個人データの開示',
    intro:
      'スポットおとなりさん (JII) が、あなたについて保有している個人データのすべてです。他の方の個人データ (担当したボランティアの氏名など) は含めていません。内容に誤りがあれば訂正を、連絡への利用をやめてほしい場合は利用停止を、事務局にお申し出ください。',
    made: '作成日時 (日本時間)',
    number: '番号',
    none: '記録はありません。',
    files: '同じ内容を CSV ファイルでも同封しています',
  },
  en: {
    title: 'Disclosure of the personal data we hold about you',
    intro:
      'This is all the personal data that Spot Otonari-san (JII) holds about you. Other people’s personal data (such as the names of the volunteers who helped) is left out. If anything is wrong, ask the secretariat to correct it; if you want us to stop using your data to contact you, ask us to stop.',
    made: 'Made on (Japan time)',
    number: 'Number',
    none: 'Nothing recorded.',
    files: 'The same data is enclosed as CSV files',
  },
};

/** A printable page: one table per section, headed in the reader's language. */
export function summaryHtml(subject: Subject, filled: Filled[], lang: Lang, now: Date): string {
  const t = TEXT[lang];
  const no = String(subject.record.client_no ?? subject.record.volunteer_no ?? '');
  const tables = filled
    .map(({ section, rows }) => {
      const head = `<h2>${html(section.title[lang])} <small>(${html(section.csv)})</small></h2>`;
      if (!rows.length) return `${head}<p>${html(t.none!)}</p>`;
      // A single record reads better as a list of field and value.
      if (section.key === 'record') {
        const r = rows[0]!;
        const lines = section.columns.map(
          (c) => `<tr><th>${html(label(c, lang))}</th><td>${html(show(c, r[c.field], lang, subject.kind))}</td></tr>`,
        );
        return `${head}<table class="record">${lines.join('')}</table>`;
      }
      const th = section.columns.map((c) => `<th>${html(label(c, lang))}</th>`).join('');
      const trs = rows.map(
        (r) => `<tr>${section.columns.map((c) => `<td>${html(show(c, r[c.field], lang, subject.kind))}</td>`).join('')}</tr>`,
      );
      return `${head}<table><thead><tr>${th}</tr></thead><tbody>${trs.join('')}</tbody></table>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${html(t.title!)} ${html(no)}</title>
<style>
body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic",sans-serif;margin:2em;line-height:1.6;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #999}h2 small{font-weight:normal;color:#666}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top;white-space:pre-wrap}
th{background:#eee}table.record th{width:14em}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body>
<h1>${html(t.title!)}</h1>
<p>${html(t.number!)}: ${html(no)}<br>${html(t.made!)}: ${html(toTokyoIso(now).slice(0, 16).replace('T', ' '))}</p>
<p>${html(t.intro!)}</p>
<p>${html(t.files!)}: ${filled.map((f) => html(f.section.csv)).join(', ')}</p>
${tables}
</body></html>
`;
}

/** The summary's languages: Japanese always, and the resident's own where the catalogue has it. */
export function summaryLanguages(subject: Subject): Lang[] {
  const spoken = Array.isArray(subject.record.languages) ? subject.record.languages : [];
  return subject.kind === 'clients' && spoken.includes('en') ? ['ja', 'en'] : ['ja'];
}

async function sendZip(res: Response, file: string, entries: { name: string; data: string }[]): Promise<void> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  res.status(200);
  res.set('Content-Type', 'application/zip');
  res.set('Content-Disposition', `attachment; filename="${file}"`);
  const done = new Promise<void>((resolve, reject) => {
    res.on('finish', resolve);
    res.on('close', resolve);
    zip.on('error', reject);
  });
  zip.pipe(res);
  for (const e of entries) zip.append(Buffer.from(e.data, 'utf8'), { name: e.name, date: new Date() });
  await zip.finalize();
  await done;
}

/**
 * POST /api/clients/:id/disclosure and /api/volunteers/:id/disclosure `{reason}` — admin only:
 * a ZIP of everything the system holds about the person (summary-ja.html, summary-en.html for a
 * resident who reads English, one CSV per table). The package is audited (action `export`) before it leaves.
 */
export function disclosureRouter(db: Knex, kind: Subject['kind']): Router {
  const router = Router();
  router.post('/:id/disclosure', guard(kind, 'show'), async (req, res) => {
    const me = actor(req);
    if (!canAccess(me.role, kind, 'disclose')) throw forbidden('disclosure.admin_only');
    const { id } = parseWith(idParam, req.params);
    const body = parseWith(DisclosureBody, req.body);
    const record = await db(kind).where('id', id).first();
    if (!record) throw notFound(kind === 'clients' ? 'noun.client' : 'noun.volunteer');
    const subject: Subject = { kind, id, record };
    const now = new Date();
    const filled = await collect(db, subject);
    const langs = summaryLanguages(subject);
    await db.transaction((trx) =>
      audit(trx, {
        staff_id: me.id,
        action: 'export',
        resource: kind,
        record_id: id,
        changed_fields: ['disclosure'],
        details: { reason: body.reason, sections: filled.map((f) => ({ csv: f.section.csv, rows: f.rows.length })), languages: langs },
      }),
    );
    // The package's own audit entry is part of the log it discloses.
    const audited = filled.find((f) => f.section.key === 'audit');
    if (audited) {
      const fresh = await audited.section.rows(db, subject);
      audited.rows = fresh.map((r) => Object.fromEntries(audited.section.columns.map((c) => [c.field, r[c.field]])));
    }
    const no = String(record.client_no ?? record.volunteer_no);
    const entries = [
      ...langs.map((lang) => ({ name: `summary-${lang}.html`, data: summaryHtml(subject, filled, lang, now) })),
      ...filled.map((f) => ({ name: `csv/${f.section.csv}`, data: toCsv(f, 'ja', kind) })),
    ];
    await sendZip(res, `disclosure_${no}_${tokyoDate(now).replaceAll('-', '')}.zip`, entries);
  });
  return router;
}
