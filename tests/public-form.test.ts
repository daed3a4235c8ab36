import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { CATALOGUES, CONSENT_VERSIONS } from '../server/public/i18n/index.js';
import { useTestApp } from './helpers/app.js';
import { createPartner } from './helpers/factories.js';

const t = useTestApp();

const valid = {
  lang: 'en',
  name: 'Anna Petrenko',
  phone: '080-4444-5555',
  email: '',
  contact_language: 'uk',
  municipality_code: '131105',
  category: 'medical',
  task_type: 'hospital',
  mode: 'in_person',
  preferred_slots: [{ start_at: '2026-03-07T10:00:00+09:00', end_at: '2026-03-07T12:00:00+09:00' }],
  description: 'I need help explaining symptoms at a clinic.',
  ofp_member_no: 'OFP-1234',
  consent: true,
  website: '',
};
let ip = 0;
let phone = 0;
/** A phone number no earlier post used, so the per-contact limit stays out of the way. */
const newPhone = () => `080-7000-${String(++phone).padStart(4, '0')}`;
/** Behind a proxy, as in production; each post comes from its own address unless one is given. */
const behindProxy = () => buildApp(t.db, { sessionSecret: 'x'.repeat(40), trustProxy: true, log: (e) => t.errors.push(e) });
const post = (body: object, from = `10.0.0.${++ip}`) =>
  request(behindProxy()).post('/api/public/requests').set('X-Forwarded-For', from).send(body);
const count = async (table: string) => Number((await t.db.knex(table).count({ n: '*' }))[0]!.n);
const setSettings = async (patch: object) => {
  const admin = await t.as('admin');
  const res = await admin.put('/api/settings').send(patch);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

describe('public request form', () => {
  it('creates a received web_form request with no client and answers only the reference', async () => {
    const res = await post(valid);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(Object.keys(res.body)).toEqual(['reference']);
    expect(res.body.reference).toMatch(/^R-\d{4}-\d{5}$/);
    expect(res.headers['set-cookie']).toBeUndefined();
    const row = await t.db.knex('support_requests').where('request_no', res.body.reference).first();
    expect(row).toMatchObject({ status: 'received', channel: 'web_form', client_id: null, language: 'uk', municipality_code: '131105' });
    expect(row.intake).toMatchObject({ lang: 'en', name: 'Anna Petrenko', phone: '080-4444-5555', preferred_slots: valid.preferred_slots });
    expect(row.intake).not.toHaveProperty('website');
    const events = await t.db.knex('request_events').where('request_id', row.id);
    expect(events).toHaveLength(1);
    // Coordinators find it by the resident's name in their inbox.
    const coordinator = await t.as('coordinator');
    const inbox = await coordinator
      .get('/api/support-requests')
      .query({ filter: JSON.stringify({ channel: 'web_form', status: 'received', q: 'petrenko' }) });
    expect(inbox.body.map((r: { request_no: string }) => r.request_no)).toContain(res.body.reference);
  });

  it('answers field messages in the form language and writes nothing', async () => {
    const before = await count('support_requests');
    const ja = await post({ ...valid, lang: 'ja', phone: '', email: '', consent: false });
    expect(ja.status).toBe(400);
    expect(ja.body.errors.phone).toBe('電話番号かメールアドレスのどちらかを入力してください。');
    expect(ja.body.errors.consent).toMatch(/同意/);
    const uk = await post({ ...valid, lang: 'uk', phone: '', email: 'not-an-address', consent: false });
    expect(uk.status).toBe(400);
    expect(uk.body.message).toBe('Перевірте введені дані.');
    expect(uk.body.errors.email).toBe('Адреса електронної пошти виглядає неправильно.');
    expect(uk.body.errors.consent).toBe('Погодьтеся на використання ваших персональних даних.');
    const vi = await post({ ...valid, lang: 'vi', name: '', category: 'space_travel' });
    expect(vi.body.errors.name).toBe('Vui lòng điền mục này.');
    expect(vi.body.errors.category).toBe('Vui lòng chọn trong danh sách.');
    // Dari, right to left.
    const dari = await post({ ...valid, lang: 'fa-AF', phone: '', email: '' });
    expect(dari.status).toBe(400);
    expect(dari.body.errors.phone).toBe('شمارهٔ تیلفون یا آدرس ایمیل را بنویسید.');
    const pashto = await post({ ...valid, lang: 'ps', municipality_code: '133621' });
    expect(pashto.body.errors.municipality_code).toBe('موږ لا په دې سیمه کې خدمت نه کوو.');
    const easy = await post({ ...valid, lang: 'ja-easy', phone: 'abc' });
    expect(easy.body.errors.phone).toBe('電話ばんごうは すうじと「-」で かいて ください。');

    const en = await post({ ...valid, preferred_slots: [{ start_at: '2026-03-08T10:00:00+09:00', end_at: '2026-03-08T11:00:00+09:00' }] });
    expect(en.status).toBe(400);
    expect(en.body.errors['preferred_slots.0']).toBe('Please choose a time within the service days and hours.');
    expect(
      (
        await post({
          ...valid,
          preferred_slots: [...valid.preferred_slots, ...valid.preferred_slots, ...valid.preferred_slots, ...valid.preferred_slots],
        })
      ).status,
    ).toBe(400);
    expect((await post({ ...valid, website: 'http://spam.example' })).status).toBe(400);
    expect((await post({ ...valid, municipality_code: '133621' })).body.errors.municipality_code).toMatch(/do not serve/);
    expect((await post({ ...valid, extra: 'x' })).status).toBe(400);
    expect(await count('support_requests')).toBe(before);
  });

  it('limits posts per IP address with 429', async () => {
    const from = '10.9.9.9';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post({ ...valid, name: `Spam ${i}`, phone: newPhone() }, from)).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('limits each phone number or e-mail to 3 open web requests, in the form language', async () => {
    const digits = '090-3131-0001';
    const refs: string[] = [];
    for (const written of [digits, '09031310001', '090 3131 0001']) {
      const res = await post({ ...valid, phone: written });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      refs.push(res.body.reference);
    }
    const before = await count('support_requests');
    const fourth = await post({ ...valid, lang: 'uk', phone: '(090) 3131-0001' });
    expect(fourth.status).toBe(429);
    expect(fourth.body.message).toBe('З цього телефону чи пошти вже є 3 відкриті заявки. Ми з вами зв’яжемося.');
    expect(await count('support_requests')).toBe(before);
    // By e-mail too, whatever its case.
    for (let i = 0; i < 3; i++) expect((await post({ ...valid, phone: newPhone(), email: 'Olena@Example.com' })).status).toBe(201);
    expect((await post({ ...valid, phone: '', email: 'olena@example.com' })).status).toBe(429);
    // A finished request no longer counts.
    await t.db.knex('support_requests').where('request_no', refs[0]).update({ status: 'rejected', status_reason: 'duplicate' });
    expect((await post({ ...valid, phone: digits })).status).toBe(201);
  });

  it('asks for the OFP member number or a referring partner while the service is for members only', async () => {
    const onForm = await createPartner(t.db.knex, { name: 'Kawaguchi Kurdish Association' });
    await t.db.knex('partners').where('id', onForm.id).update({ show_on_form: true });
    const hidden = await createPartner(t.db.knex, { name: 'Internal partner' });
    const before = await count('support_requests');
    const none = await post({ ...valid, lang: 'tr', phone: newPhone(), ofp_member_no: '' });
    expect(none.status).toBe(400);
    expect(none.body.errors.ofp_member_no).toBe('OFP üye numaranızı veya sizi yönlendiren kuruluşu yazın.');
    const notOnForm = await post({ ...valid, phone: newPhone(), ofp_member_no: '', partner_id: hidden.id });
    expect(notOnForm.body.errors.partner_id).toBe('Please choose an organisation from the list.');
    expect(await count('support_requests')).toBe(before);
    const referred = await post({ ...valid, phone: newPhone(), ofp_member_no: '', partner_id: onForm.id });
    expect(referred.status).toBe(201);
    const row = await t.db.knex('support_requests').where('request_no', referred.body.reference).first();
    expect(row.intake).toMatchObject({ partner_id: onForm.id, partner_name: 'Kawaguchi Kurdish Association' });

    // Open to everyone: both become optional.
    await setSettings({ eligibility_mode: 'open' });
    try {
      expect((await post({ ...valid, phone: newPhone(), ofp_member_no: '' })).status).toBe(201);
    } finally {
      await setSettings({ eligibility_mode: 'members_only' });
    }
  });

  it('stores the use consent and the optional sensitive-information consent with version, language and time', async () => {
    const before = await count('support_requests');
    const refused = await post({ ...valid, lang: 'ru', phone: newPhone(), sensitive_info: 'Беременность, 6 месяцев' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.sensitive_consent).toBe('Чтобы отправить эти сведения, дайте согласие на их использование.');
    expect(await count('support_requests')).toBe(before);

    const plain = await post({ ...valid, lang: 'vi', phone: newPhone() });
    const plainRow = await t.db.knex('support_requests').where('request_no', plain.body.reference).first();
    const plainConsents = await t.db.knex('consents').where('support_request_id', plainRow.id);
    expect(plainConsents).toHaveLength(1);
    expect(plainConsents[0]).toMatchObject({
      kind: 'use',
      action: 'given',
      method: 'web_form',
      language: 'vi',
      text_version: CONSENT_VERSIONS.use,
    });
    // Contact language defaults to the form's own language.
    const defaulted = await post({ ...valid, lang: 'fa-AF', phone: newPhone(), contact_language: '' });
    expect((await t.db.knex('support_requests').where('request_no', defaulted.body.reference).first()).language).toBe('fa');

    const res = await post({ ...valid, lang: 'uk', phone: newPhone(), sensitive_info: 'Вагітність, 6 місяців', sensitive_consent: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const row = await t.db.knex('support_requests').where('request_no', res.body.reference).first();
    const consents = await t.db.knex('consents').where('support_request_id', row.id).orderBy('kind', 'desc');
    expect(consents.map((c) => [c.kind, c.language, c.text_version, c.method])).toEqual([
      ['use', 'uk', CONSENT_VERSIONS.use, 'web_form'],
      ['sensitive', 'uk', CONSENT_VERSIONS.sensitive, 'web_form'],
    ]);
    expect(new Date(consents[0].given_at).getTime()).toBe(new Date(row.received_at).getTime());

    // Registered as a resident: the consents become theirs, and the sensitive information their notes.
    const coordinator = await t.as('coordinator');
    const client = await coordinator.post('/api/clients').send({
      name: 'Anna Petrenko',
      languages: ['uk'],
      eligibility: 'ofp_member',
      ofp_member_no: 'OFP-1234',
      consent_at: row.intake.consent_at,
    });
    expect(client.status, JSON.stringify(client.body)).toBe(201);
    const linked = await coordinator.put(`/api/support-requests/${row.id}`).send({ version: row.version, client_id: client.body.id });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    const resident = (await coordinator.get(`/api/clients/${client.body.id}`)).body;
    expect(resident.sensitive_consent_at).toBeTruthy();
    expect(resident.special_care_notes).toBe('Вагітність, 6 місяців');
    const history = (await coordinator.get(`/api/clients/${client.body.id}/consents`)).body;
    expect(history.map((c: { kind: string; method: string }) => [c.kind, c.method]).sort()).toEqual([
      ['sensitive', 'web_form'],
      ['use', 'web_form'],
    ]);
  });

  it('rejects a web request as spam: the sender’s data is erased, the counts stay', async () => {
    const res = await post({
      ...valid,
      name: 'Spam Sender',
      phone: newPhone(),
      email: 'spam@example.com',
      sensitive_info: 'x',
      sensitive_consent: true,
    });
    const row = await t.db.knex('support_requests').where('request_no', res.body.reference).first();
    const secretariat = await t.as('secretariat');
    expect((await secretariat.post(`/api/support-requests/${row.id}/spam`).send({ version: row.version })).status).toBe(403);
    const coordinator = await t.as('coordinator');
    expect((await coordinator.post(`/api/support-requests/${row.id}/spam`).send({ version: row.version + 1 })).status).toBe(409);
    const rejected = await coordinator.post(`/api/support-requests/${row.id}/spam`).send({ version: row.version });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const after = await t.db.knex('support_requests').where('id', row.id).first();
    expect(after).toMatchObject({
      status: 'rejected',
      channel: 'web_form',
      category: 'medical',
      task_type: 'hospital',
      intake: null,
      description: null,
    });
    expect(after.search_text).not.toContain('spam');
    expect(await t.db.knex('consents').where('support_request_id', row.id)).toEqual([]);
    const found = await coordinator.get('/api/support-requests').query({ filter: JSON.stringify({ q: 'Spam Sender' }) });
    expect(found.body).toEqual([]);
    // Only once, and only for unlinked received web requests.
    expect((await coordinator.post(`/api/support-requests/${row.id}/spam`).send({ version: after.version })).status).toBe(409);
  });

  it('refuses posts from other sites unless their origin is in the settings', async () => {
    const from = () => `10.1.0.${++ip}`;
    const npo = 'https://www.npo.example';
    const before = await count('support_requests');
    const refused = await request(behindProxy())
      .post('/api/public/requests')
      .set('X-Forwarded-For', from())
      .set('Origin', npo)
      .set('Accept-Language', 'uk')
      .send({ ...valid, phone: newPhone() });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('З цієї сторінки форму надіслати не можна.');
    expect(await count('support_requests')).toBe(before);

    const admin = await t.as('admin');
    expect((await admin.put('/api/settings').send({ form_allowed_origins: ['npo.example/form'] })).status).toBe(400);
    await setSettings({ form_allowed_origins: [npo] });
    try {
      const preflight = await request(behindProxy())
        .options('/api/public/requests')
        .set('Origin', npo)
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(npo);
      const allowed = await request(behindProxy())
        .post('/api/public/requests')
        .set('X-Forwarded-For', from())
        .set('Origin', npo)
        .send({ ...valid, phone: newPhone() });
      expect(allowed.status, JSON.stringify(allowed.body)).toBe(201);
      expect(allowed.headers['access-control-allow-origin']).toBe(npo);
      const other = await request(behindProxy())
        .post('/api/public/requests')
        .set('X-Forwarded-For', from())
        .set('Origin', 'https://evil.example')
        .send({ ...valid, phone: newPhone() });
      expect(other.status).toBe(403);
      // The staff API stays same-origin only.
      expect((await request(behindProxy()).post('/api/auth/login').set('Origin', npo).send({ email: 'a@b.c', password: 'x' })).status).toBe(
        403,
      );
    } finally {
      await setSettings({ form_allowed_origins: [] });
    }
  });
});

describe('form configuration', () => {
  const config = (query: Record<string, string> = {}, acceptLanguage?: string) => {
    const r = request(t.app).get('/api/public/form-config').query(query);
    return acceptLanguage ? r.set('Accept-Language', acceptLanguage) : r;
  };

  it('reads service days, hours and holidays from the settings, without a login', async () => {
    const res = await config({ lang: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.service).toEqual({
      weekdays: [1, 2, 3, 4, 5, 6],
      start: '08:30',
      end: '18:00',
      max_activity_minutes: 180,
      closed_on_public_holidays: true,
    });
    expect(res.body.eligibility_mode).toBe('members_only');
    const { from, until } = res.body.dates;
    // The closed periods an admin keeps, one entry per day; the year-end one whenever it falls in the window.
    for (const c of res.body.closedDates) expect(c.date >= from && c.date <= until).toBe(true);
    const yearEnd = `${from.slice(0, 4)}-12-30`;
    if (yearEnd >= from && yearEnd <= until) expect(res.body.closedDates).toContainEqual({ date: yearEnd, name: '年末年始' });
    const day = new Date(`${from}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 20);
    const closedOn = day.toISOString().slice(0, 10);
    const admin = await t.as('admin');
    const added = await admin.post('/api/closed-dates').send({ from_date: closedOn, to_date: closedOn, reason: '研修のため休業' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    try {
      expect((await config({ lang: 'en' })).body.closedDates).toContainEqual({ date: closedOn, name: '研修のため休業' });
    } finally {
      await admin.delete(`/api/closed-dates/${added.body.id}`);
    }
    const inSixMonths = new Date(`${from}T00:00:00Z`);
    inSixMonths.setUTCMonth(inSixMonths.getUTCMonth() + 6);
    expect(until).toBe(inSixMonths.toISOString().slice(0, 10));
    // Japan has a public holiday in every 6-month window.
    expect(res.body.holidays.length).toBeGreaterThan(0);
    for (const h of res.body.holidays) {
      expect(h.date >= from && h.date <= until).toBe(true);
      expect(h.name).toBeTruthy();
    }

    await setSettings({ service_start: '10:00', service_end: '16:00', service_weekdays: [2, 4], max_activity_minutes: 120 });
    try {
      const changed = await config({ lang: 'en' });
      expect(changed.body.service).toMatchObject({ weekdays: [2, 4], start: '10:00', end: '16:00', max_activity_minutes: 120 });
      await setSettings({ eligibility_mode: 'open' });
      expect((await config()).body.eligibility_mode).toBe('open');
    } finally {
      await setSettings({
        service_start: '08:30',
        service_end: '18:00',
        service_weekdays: [1, 2, 3, 4, 5, 6],
        max_activity_minutes: 180,
        eligibility_mode: 'members_only',
      });
    }
  });

  it('names municipalities, areas of help and tasks in the form language', async () => {
    const en = (await config({ lang: 'en' })).body;
    const meguro = (body: { municipalities: { code: string; name: string }[] }) =>
      body.municipalities.find((m) => m.code === '131105')!.name;
    expect(meguro(en)).toMatch(/^Meguro/);
    expect(meguro((await config({ lang: 'ja' })).body)).toBe('目黒区');
    expect(meguro((await config({ lang: 'zh-Hant' })).body)).toBe('目黒区');
    // Scripts without their own name for the ward get the Japanese name with its reading.
    expect(meguro((await config({ lang: 'uk' })).body)).toMatch(/^目黒区 \(Meguro/);
    expect(meguro((await config({ lang: 'ja-easy' })).body)).toMatch(/^目黒区（めぐろく）$/);
    const uk = (await config({ lang: 'uk' })).body;
    expect(uk.categories.find((c: { value: string }) => c.value === 'medical')).toEqual({
      value: 'medical',
      label: 'Медицина',
      example: 'напр. пояснити симптоми в лікарні, медогляд',
    });
    expect(uk.task_types).toHaveLength(8);
    expect(uk.modes.map((m: { label: string }) => m.label)).toEqual(['Особисто', 'Онлайн']);
    expect(uk.contact_language).toBe('uk');
  });

  it('follows ?lang= first, then the browser, and marks right-to-left languages', async () => {
    expect((await config({}, 'uk-UA,uk;q=0.9,en;q=0.5')).body).toMatchObject({ lang: 'uk', dir: 'ltr' });
    expect((await config({}, 'fa-AF,fa;q=0.9')).body).toMatchObject({ lang: 'fa-AF', dir: 'rtl', contact_language: 'fa' });
    expect((await config({}, 'zh-TW')).body.lang).toBe('zh-Hant');
    expect((await config({}, 'de-DE,de;q=0.9')).body.lang).toBe('ja');
    expect((await config({ lang: 'ps' }, 'en')).body).toMatchObject({ lang: 'ps', dir: 'rtl' });
  });

  it('lists only the partners marked to show on the form', async () => {
    const shown = await createPartner(t.db.knex, { name: 'Shown partner' });
    await t.db.knex('partners').where('id', shown.id).update({ show_on_form: true });
    await createPartner(t.db.knex, { name: 'Hidden partner' });
    const names = (await config()).body.partners.map((p: { name: string }) => p.name);
    expect(names).toContain('Shown partner');
    expect(names).not.toContain('Hidden partner');
  });
});

describe('the form page', () => {
  const staticDir = mkdtempSync(path.join(tmpdir(), 'form-page-'));
  mkdirSync(path.join(staticDir, 'request'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html lang="ja"><head><title>console</title></head></html>');
  writeFileSync(
    path.join(staticDir, 'request', 'index.html'),
    '<!doctype html><html lang="ja"><head><title>form</title><script type="module" src="/assets/request.js"></script></head><body></body></html>',
  );
  const app = () => buildApp(t.db, { sessionSecret: 'x'.repeat(40), staticDir, log: (e) => t.errors.push(e) });

  it('is served in the language of the path, ?lang= or the browser, right to left for Dari and Pashto', async () => {
    const dari = await request(app()).get('/request/fa-AF');
    expect(dari.status).toBe(200);
    expect(dari.text).toContain('<html lang="fa-AF" dir="rtl" data-form-lang="fa-AF">');
    expect(dari.text).toContain(`<title>${CATALOGUES['fa-AF'].title}</title>`);
    expect((await request(app()).get('/request/vi')).text).toContain('lang="vi" dir="ltr"');
    expect((await request(app()).get('/request').query({ lang: 'ps' })).text).toContain('dir="rtl" data-form-lang="ps"');
    expect((await request(app()).get('/request').set('Accept-Language', 'uk,ru;q=0.8')).text).toContain('data-form-lang="uk"');
    expect((await request(app()).get('/request/ja-easy')).text).toContain('<html lang="ja" dir="ltr" data-form-lang="ja-easy">');
  });

  it('allows nothing but its own files, and frames only from the allowed origins', async () => {
    const res = await request(app()).get('/request/en');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'self'");
    await setSettings({ form_allowed_origins: ['https://www.npo.example'] });
    try {
      const framed = await request(app()).get('/request/en');
      expect(framed.headers['content-security-policy']).toContain("frame-ancestors 'self' https://www.npo.example");
      expect(framed.headers['x-frame-options']).toBeUndefined();
    } finally {
      await setSettings({ form_allowed_origins: [] });
    }
  });
});
