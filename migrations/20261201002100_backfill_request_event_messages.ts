import type { Knex } from 'knex';

/**
 * Timeline entries the server wrote before `request_events.message` existed (20261201001501)
 * carry only their Japanese sentence. This gives each of them the code and values the server
 * writes today, read back from the exact sentences it used to write, so the console can say them
 * in English too. Staff-typed notes, calls, emails and status reasons match none of these
 * sentences and stay as they are; `body` is never changed.
 *
 * The labels are copied from the code of the time (a migration never imports server code).
 */
const REQUEST_FIELDS: Record<string, string> = {
  依頼番号: 'request_no',
  利用者: 'client_id',
  受付経路: 'channel',
  受付日時: 'received_at',
  支援分野: 'category',
  支援内容: 'task_type',
  対応方法: 'mode',
  言語: 'language',
  区市町村: 'municipality_code',
  場所: 'place',
  依頼内容: 'description',
  開始日時: 'start_at',
  終了日時: 'end_at',
  担当コーディネーター: 'coordinator_id',
  状況: 'status',
  理由: 'status_reason',
};
const ASSIGNMENT_STATUSES: Record<string, string> = {
  候補: 'proposed',
  提案: 'proposed',
  連絡済み: 'contacted',
  承諾: 'accepted',
  辞退: 'declined',
  確定: 'confirmed',
  キャンセル: 'cancelled',
};
const EXPENSE_KINDS: Record<string, string> = { 交通費: 'transport', 振込手数料: 'transfer_fee', その他費用: 'other' };

type Message = { code: string; params?: Record<string, string | number | boolean | string[]> };
type Row = { id: number; kind: string; body: string; staff_id: number | null };

const yen = (text: string) => Number(text.replaceAll(',', ''));

/** The message an entry's sentence was written from, or undefined for anything else (staff's words). */
export function messageOf(row: Row): Message | undefined {
  const { kind, body } = row;
  let m: RegExpExecArray | null;
  switch (kind) {
    case 'report':
      if (body === '活動報告を更新しました。') return { code: 'report_updated' };
      if (body === '活動報告を登録しました。') return { code: 'report_filed', params: { outside: false } };
      if (body === '活動報告を登録しました (サービス時間外・時間超過あり)。') return { code: 'report_filed', params: { outside: true } };
      return undefined;
    case 'edit': {
      if (body === '変更: 確定した日時') return { code: 'confirmed_time_changed' };
      if (!body.startsWith('変更: ')) return undefined;
      const fields = body.slice('変更: '.length).split('、');
      if (!fields.length || !fields.every((f) => Object.hasOwn(REQUEST_FIELDS, f))) return undefined;
      return { code: 'edited', params: { fields: fields.map((f) => REQUEST_FIELDS[f]!) } };
    }
    case 'expense':
      m = /^(交通費|振込手数料|その他費用) ([\d,]+) 円を(登録|精算済みに|更新)$/.exec(body);
      if (m) {
        const code = m[3] === '登録' ? 'expense_added' : m[3] === '更新' ? 'expense_updated' : 'expense_settled';
        return { code, params: { kind: EXPENSE_KINDS[m[1]!]!, amount: yen(m[2]!) } };
      }
      m = /^([\d,]+) 円を精算済みに \((\d{4})[-/](\d{2})[-/](\d{2})\)$/.exec(body);
      if (m) return { code: 'expenses_settled', params: { amount: yen(m[1]!), date: `${m[2]}-${m[3]}-${m[4]}` } };
      return undefined;
    case 'assignment_change': {
      m = /^(.+): ([^:→]+?)(?: → ([^:→]+))?$/.exec(body);
      if (!m) return undefined;
      const [from, to] = m[3] === undefined ? [undefined, m[2]!] : [m[2]!, m[3]];
      if (!Object.hasOwn(ASSIGNMENT_STATUSES, to) || (from !== undefined && !Object.hasOwn(ASSIGNMENT_STATUSES, from))) return undefined;
      return {
        code: 'assignment_moved',
        params: { volunteer: m[1]!, from: from === undefined ? '' : ASSIGNMENT_STATUSES[from]!, to: ASSIGNMENT_STATUSES[to]! },
      };
    }
    case 'status_change':
      return body === 'Web フォームから受付' && row.staff_id == null ? { code: 'web_form_received' } : undefined;
    case 'follow_up':
      if (body === 'フォローアップ対応済み') return { code: 'follow_up_handled', params: {} };
      if (body.startsWith('フォローアップ対応済み: '))
        return { code: 'follow_up_handled', params: { note: body.slice('フォローアップ対応済み: '.length) } };
      m = /^新しい依頼 (\S+) を作成しました。$/.exec(body);
      return m ? { code: 'follow_up_new_request', params: { request_no: m[1]! } } : undefined;
    case 'note':
      // Written by the server for a volunteer's or a resident's answer: never by a staff member.
      if (row.staff_id != null) return undefined;
      if (body === 'ボランティアから活動報告が届きました（確認待ちの下書き）。') return { code: 'self_report_received' };
      m = /^利用者からの評価: ([1-5]) \/ 5$/.exec(body);
      if (m) return { code: 'resident_rating', params: { rating: Number(m[1]) } };
      m = /^ボランティアがメールのリンクから「(引き受ける|辞退する)」と回答しました。(?:コメント: ([\s\S]*))?$/.exec(body);
      if (m)
        return {
          code: 'volunteer_answered',
          params: { answer: m[1] === '引き受ける' ? 'accept' : 'decline', ...(m[2] ? { comment: m[2] } : {}) },
        };
      return undefined;
    default:
      return undefined;
  }
}

const BATCH = 1000;

export async function up(knex: Knex): Promise<void> {
  let after = 0;
  for (;;) {
    const rows: Row[] = await knex('request_events')
      .whereNull('message')
      .whereNotNull('body')
      .whereIn('kind', ['report', 'edit', 'expense', 'assignment_change', 'status_change', 'follow_up', 'note'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .select('id', 'kind', 'body', 'staff_id');
    if (!rows.length) return;
    for (const row of rows) {
      const message = messageOf(row);
      if (message)
        await knex('request_events')
          .where('id', row.id)
          .update({ message: JSON.stringify(message) });
    }
    after = rows[rows.length - 1]!.id;
  }
}

/** The codes stay: they say what the sentences say, and the console reads both. */
export async function down(): Promise<void> {}
