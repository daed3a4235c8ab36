import { ELIGIBILITIES, JAPANESE_LEVELS, TASK_TYPES, VOLUNTEER_STATUSES } from '../domain/enums.js';
import { fieldLabel } from '../domain/labels.js';

/**
 * The columns an import accepts, per resource. `ja` and `en` come first in messages and the
 * README; the console's own labels are accepted too, so a sheet typed from the screen works.
 */
export const IMPORT_RESOURCES = ['clients', 'volunteers'] as const;
export type ImportResource = (typeof IMPORT_RESOURCES)[number];

export type CellKind =
  | 'text'
  | 'code'
  | 'languages'
  | 'country'
  | 'bool'
  | 'count'
  | 'datetime'
  | 'availability'
  | 'codes'
  | 'partner'
  | { enum: string; values: readonly string[] }
  | { enumList: string; values: readonly string[] };

export type ImportColumn = { field: string; ja: string; en: string; kind: CellKind; aliases?: string[]; required?: boolean };

const col = (field: string, ja: string, kind: CellKind, extra: Partial<ImportColumn> = {}): ImportColumn => ({
  field,
  ja,
  en: field,
  kind,
  ...extra,
});

const PEOPLE = {
  name: col('name', '氏名', 'text', { required: true, aliases: ['名前'] }),
  name_kana: col('name_kana', 'フリガナ', 'text', { aliases: ['ふりがな'] }),
  phone: col('phone', '電話番号', 'text', { aliases: ['電話'] }),
  email: col('email', 'メール', 'text', { aliases: ['メールアドレス', 'e-mail'] }),
  municipality_code: col('municipality_code', '区市町村コード', 'code', { aliases: ['区市町村'] }),
  languages: col('languages', '言語', 'languages', { required: true }),
  notes: col('notes', '備考', 'text'),
};

export const IMPORT_COLUMNS: Record<ImportResource, ImportColumn[]> = {
  clients: [
    PEOPLE.name,
    PEOPLE.name_kana,
    PEOPLE.phone,
    PEOPLE.email,
    PEOPLE.municipality_code,
    PEOPLE.languages,
    col('nationality', '国籍', 'country'),
    col('japanese_level', '日本語レベル', { enum: 'japanese_level', values: JAPANESE_LEVELS }),
    col('eligibility', '資格', { enum: 'eligibility', values: ELIGIBILITIES }),
    col('ofp_member_no', 'OFP会員番号', 'text'),
    // By name, since staff know partners by name; the API itself takes partner_id.
    { ...col('partner_id', '紹介元', 'partner'), en: 'partner', aliases: ['partner_id', '紹介元団体'] },
    col('address', '住所', 'text'),
    col('consent_at', '同意日時', 'datetime'),
    PEOPLE.notes,
  ],
  volunteers: [
    PEOPLE.name,
    PEOPLE.name_kana,
    PEOPLE.phone,
    PEOPLE.email,
    PEOPLE.municipality_code,
    col('service_municipality_codes', '活動エリア', 'codes'),
    PEOPLE.languages,
    col('in_person_ok', '対面可', 'bool'),
    col('online_ok', 'オンライン可', 'bool'),
    col('task_types', '対応できる依頼', { enumList: 'task_type', values: TASK_TYPES }),
    col('availability', '活動できる時間帯', 'availability'),
    col('monthly_limit', '月の上限', 'count'),
    col('status', '状態', { enum: 'volunteer_status', values: VOLUNTEER_STATUSES }),
    col('ofp_registered', 'OFP登録', 'bool'),
    PEOPLE.notes,
  ],
};

/** 「フリガナ」「ﾌﾘｶﾞﾅ」, "Name (kana)" and "name_kana" all read as one header. */
export const headerKey = (header: string) =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_()（）.\-:：*＊]/g, '');

function buildIndex(resource: ImportResource): Map<string, ImportColumn> {
  const index = new Map<string, ImportColumn>();
  for (const column of IMPORT_COLUMNS[resource]) {
    for (const key of new Set([column.ja, column.en, ...(column.aliases ?? [])].map(headerKey))) {
      // Two columns answering to one header would make a file mean two things.
      if (index.has(key)) throw new Error(`import header ${key} is ambiguous in ${resource}`);
      index.set(key, column);
    }
  }
  // The console's labels are extras: a relabelled screen must not take over a declared header.
  for (const column of IMPORT_COLUMNS[resource]) {
    for (const lang of ['ja', 'en'] as const) {
      const key = headerKey(fieldLabel(resource, column.field, lang));
      if (!index.has(key)) index.set(key, column);
    }
  }
  return index;
}

const INDEXES: Record<ImportResource, Map<string, ImportColumn>> = { clients: buildIndex('clients'), volunteers: buildIndex('volunteers') };

export const columnForHeader = (resource: ImportResource, header: string) => INDEXES[resource].get(headerKey(header));
