import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createRequest, createStaff, TEST_PASSWORD } from './helpers/factories.js';

const t = useTestApp();

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The same call, once as the console in Japanese sends it (and with no header), once in English. */
async function both(send: (lang?: string) => Promise<request.Response>) {
  const plain = await send();
  const ja = await send('ja');
  const en = await send('en');
  expect(ja.body.message).toBe(plain.body.message);
  expect(en.status).toBe(plain.status);
  expect(en.body.error).toBe(plain.body.error);
  expect(en.body.message_code).toBe(plain.body.message_code);
  for (const res of [plain, ja, en]) expect(String(res.headers.vary)).toMatch(/Accept-Language/i);
  return { ja: plain, en };
}

describe('server sentences in the console language', () => {
  it('answers a refused form in Japanese by default and in English when asked, field sentences too', async () => {
    const agent = await t.as('coordinator');
    const { ja, en } = await both((lang) => {
      const call = agent.post('/api/partners').send({ name: '', email: 'not-an-address' });
      return lang ? call.set('Accept-Language', lang) : call;
    });
    expect(ja.status).toBe(400);
    expect(ja.body.message).toMatch(/^入力内容に誤りがあります/);
    expect(ja.body.errors).toEqual({ name: '入力してください。', email: 'メールアドレスの形式が正しくありません。' });
    expect(en.body.message).toMatch(/^There are errors in the input \(name: Required\.\)$/);
    expect(en.body.errors).toEqual({ name: 'Required.', email: 'This is not a valid email address.' });
    expect(await t.db.knex('partners').where('email', 'not-an-address')).toHaveLength(0);
  });

  it("words zod's own sentences in English too", async () => {
    const agent = await t.as('coordinator');
    const en = await agent.post('/api/partners').set('Accept-Language', 'en').send({ name: 'A', show_on_form: 'yes' });
    expect(en.status).toBe(400);
    expect(en.body.errors.show_on_form).toMatch(/expected boolean/i);
    expect(en.body.errors.show_on_form).not.toMatch(JAPANESE);
    const ja = await agent.post('/api/partners').send({ name: 'A', show_on_form: 'yes' });
    expect(ja.body.errors.show_on_form).toMatch(JAPANESE);
  });

  it('names the statuses of a refused move in the language asked for', async () => {
    const agent = await t.as('coordinator');
    const req = await createRequest(t.db.knex, { status: 'received' });
    const { ja, en } = await both((lang) => {
      const call = agent.post(`/api/support-requests/${req.id}/status`).send({ status: 'done' });
      return lang ? call.set('Accept-Language', lang) : call;
    });
    expect(ja.status).toBe(409);
    expect(ja.body.message).toBe('「受付」の依頼を「活動済み」にすることはできません。');
    expect(ja.body.message_code).toBe('request.bad_transition');
    expect(en.body.message).toBe('A "Received" request cannot be moved to "Done".');
    expect((await t.db.knex('support_requests').where('id', req.id).first()).status).toBe('received');
  });

  it('says not found and forbidden in either language', async () => {
    const coordinator = await t.as('coordinator');
    const missing = await both((lang) => {
      const call = coordinator.get('/api/partners/987654');
      return lang ? call.set('Accept-Language', lang) : call;
    });
    expect(missing.ja.status).toBe(404);
    expect(missing.ja.body.message).toBe('レコードが見つかりません。');
    expect(missing.en.body.message).toBe('The record was not found.');

    const secretariat = await t.as('secretariat');
    const refused = await both((lang) => {
      const call = secretariat.post('/api/partners').send({ name: '読むだけの人' });
      return lang ? call.set('Accept-Language', lang) : call;
    });
    expect(refused.ja.status).toBe(403);
    expect(refused.ja.body.message).toBe('この操作を行う権限がありません。');
    expect(refused.en.body.message).toBe('You do not have permission to do this.');
    expect(await t.db.knex('partners').where('name', '読むだけの人')).toHaveLength(0);
  });

  it('tells a deactivated account so, not "wrong password", in both languages', async () => {
    const staff = await createStaff(t.db.knex, { active: false });
    const { ja, en } = await both((lang) => {
      const call = request(t.app).post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
      return lang ? call.set('Accept-Language', lang) : call;
    });
    expect(ja.status).toBe(403);
    expect(ja.body.message).toBe('このアカウントは無効になっています。管理者に有効にしてもらってください。');
    expect(en.body.message).toBe('This account has been deactivated. Ask an admin to reactivate it.');
    expect(await t.db.knex('sessions').where('staff_id', staff.id)).toHaveLength(0);
  });

  it('words a database refusal in the language asked for', async () => {
    // A rule only the database knows: its refusal (23514) is the input's fault, never a 500.
    await t.db.knex.raw(`alter table partners add constraint test_partner_name check (name <> 'refused by the database')`);
    try {
      const agent = await t.as('coordinator');
      const { ja, en } = await both((lang) => {
        const call = agent.post('/api/partners').send({ name: 'refused by the database' });
        return lang ? call.set('Accept-Language', lang) : call;
      });
      expect(ja.status).toBe(400);
      expect(ja.body.message).toBe('入力された値がデータの規則に合いません。');
      expect(en.body.message).toBe('A value entered does not fit the data rules.');
      expect(await t.db.knex('partners').where('name', 'refused by the database')).toHaveLength(0);
    } finally {
      await t.db.knex.raw('alter table partners drop constraint test_partner_name');
    }
  });

  it('follows the first language named: a browser preferring Japanese with English second stays Japanese', async () => {
    const agent = await t.as('coordinator');
    const mixed = await agent.get('/api/partners/987654').set('Accept-Language', 'ja-JP,ja;q=0.9,en;q=0.8');
    expect(mixed.body.message).toBe('レコードが見つかりません。');
    const english = await agent.get('/api/partners/987654').set('Accept-Language', 'en-GB,en;q=0.9,ja;q=0.5');
    expect(english.body.message).toBe('The record was not found.');
    const other = await agent.get('/api/partners/987654').set('Accept-Language', 'uk');
    expect(other.body.message).toBe('レコードが見つかりません。');
  });
});
