import { describe, expect, it } from 'vitest';
import { up } from '../migrations/20261201002100_backfill_request_event_messages.js';
import { useTestApp } from './helpers/app.js';
import { createRequest, createStaff } from './helpers/factories.js';

const t = useTestApp();

describe('migration 20261201002100: codes for the timeline entries the server wrote before', () => {
  it('gives the old sentences their codes and leaves what staff typed alone', async () => {
    const knex = t.db.knex;
    const staff = await createStaff(knex);
    const req = await createRequest(knex);
    const old = (kind: string, body: string, staffId: number | null = staff.id) => ({
      request_id: req.id,
      staff_id: staffId,
      kind,
      body,
      message: null,
    });
    const rows = [
      old('report', '活動報告を登録しました (サービス時間外・時間超過あり)。'),
      old('report', '活動報告を更新しました。'),
      old('edit', '変更: 場所、開始日時、担当コーディネーター'),
      old('edit', '変更: 確定した日時'),
      old('expense', '交通費 1,280 円を登録'),
      old('expense', '振込手数料 110 円を精算済みに'),
      old('expense', '1,390 円を精算済みに (2026-03-08)'),
      old('expense', '420 円を精算済みに (2026/03/09)'),
      old('assignment_change', 'V-00012 佐藤 花子: 候補 → 確定'),
      old('assignment_change', 'V-00013 田中 一郎: 候補'),
      old('status_change', 'Web フォームから受付', null),
      old('follow_up', 'フォローアップ対応済み: 区役所に電話で確認した'),
      old('follow_up', '新しい依頼 R-2026-00042 を作成しました。'),
      old('note', 'ボランティアがメールのリンクから「辞退する」と回答しました。コメント: その日は仕事です', null),
      old('note', 'ボランティアから活動報告が届きました（確認待ちの下書き）。', null),
      old('note', '利用者からの評価: 4 / 5', null),
      // Staff's own words, even when they look like the server's.
      old('note', '利用者からの評価: 4 / 5'),
      old('call', '活動報告を登録しました。'),
      old('edit', '変更: 本人の希望で午後に'),
      old('status_change', '本人から取り下げの連絡'),
      old('expense', '交通費 1,280 円を登録 (領収書あり)'),
    ];
    const ids: number[] = [];
    for (const row of rows) ids.push((await knex('request_events').insert(row).returning('id'))[0].id);
    const written = {
      request_id: req.id,
      staff_id: staff.id,
      kind: 'report',
      body: '活動報告を登録しました。',
      message: JSON.stringify({ code: 'report_filed', params: { outside: false } }),
    };
    const [kept] = await knex('request_events').insert(written).returning('id');

    await up(knex);

    const after = await knex('request_events').whereIn('id', ids).orderBy('id').select('message', 'body');
    const messages = after.map((r) => (typeof r.message === 'string' ? JSON.parse(r.message) : r.message));
    expect(messages).toEqual([
      { code: 'report_filed', params: { outside: true } },
      { code: 'report_updated' },
      { code: 'edited', params: { fields: ['place', 'start_at', 'coordinator_id'] } },
      { code: 'confirmed_time_changed' },
      { code: 'expense_added', params: { kind: 'transport', amount: 1280 } },
      { code: 'expense_settled', params: { kind: 'transfer_fee', amount: 110 } },
      { code: 'expenses_settled', params: { amount: 1390, date: '2026-03-08' } },
      { code: 'expenses_settled', params: { amount: 420, date: '2026-03-09' } },
      { code: 'assignment_moved', params: { volunteer: 'V-00012 佐藤 花子', from: 'proposed', to: 'confirmed' } },
      { code: 'assignment_moved', params: { volunteer: 'V-00013 田中 一郎', from: '', to: 'proposed' } },
      { code: 'web_form_received' },
      { code: 'follow_up_handled', params: { note: '区役所に電話で確認した' } },
      { code: 'follow_up_new_request', params: { request_no: 'R-2026-00042' } },
      { code: 'volunteer_answered', params: { answer: 'decline', comment: 'その日は仕事です' } },
      { code: 'self_report_received' },
      { code: 'resident_rating', params: { rating: 4 } },
      null,
      null,
      null,
      null,
      null,
    ]);
    // The Japanese sentence stays as written.
    expect(after.map((r) => r.body)).toEqual(rows.map((r) => r.body));
    const untouched = await knex('request_events').where('id', kept.id).first('message');
    expect(typeof untouched.message === 'string' ? JSON.parse(untouched.message) : untouched.message).toEqual({
      code: 'report_filed',
      params: { outside: false },
    });
    // Running it again changes nothing.
    await up(knex);
    const again = await knex('request_events').whereIn('id', ids).orderBy('id').select('message');
    expect(again.map((r) => (typeof r.message === 'string' ? JSON.parse(r.message) : r.message))).toEqual(messages);
  });
});
