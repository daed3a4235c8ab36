import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { serializeError } from '../server/log.js';
import { AppError } from '../server/core/errors.js';
import { useTestApp } from './helpers/app.js';
import { createStaff, TEST_PASSWORD } from './helpers/factories.js';
import { captureLog } from './helpers/log.js';

const t = useTestApp();
const lineFor = (res: request.Response) => t.log.lines().find((line) => line.request_id === res.headers['x-request-id']);

describe('request log and request ids', () => {
  it('writes one line per request: id, method, route pattern, status, duration, staff id', async () => {
    const staff = await createStaff(t.db.knex, { role: 'coordinator', display_name: '記録 太郎', email: 'kiroku.taro@log.example' });
    const agent = request.agent(t.app);
    const login = await agent.post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const res = await agent
      .get('/api/clients/12345')
      .query({ filter: '{"q":"秘密の名前"}' })
      .set('Authorization', 'Bearer secret-token-xyz');
    expect(res.status).toBe(404);
    const line = lineFor(res);
    expect(line).toEqual({
      level: 'warn',
      time: expect.any(String),
      service: 'spot-otonari',
      hostname: expect.any(String),
      pid: process.pid,
      request_id: res.headers['x-request-id'],
      method: 'GET',
      route: '/api/clients/:id',
      status: 404,
      duration_ms: expect.any(Number),
      staff_id: staff.id,
      error_code: 'not_found',
      msg: 'request completed',
    });
    // The list route is its router's base; nothing of the URL's query, cookies or headers.
    const list = await agent.get('/api/support-requests').query({ filter: JSON.stringify({ q: '秘密の名前' }) });
    expect(lineFor(list)).toMatchObject({ level: 'info', route: '/api/support-requests', status: 200, staff_id: staff.id });
    const text = t.log.text();
    for (const secret of ['秘密の名前', 'secret-token-xyz', 'sid=', staff.email, '記録 太郎', TEST_PASSWORD, '12345'])
      expect(text).not.toContain(secret);
    expect(lineFor(login)).toMatchObject({ route: '/api/auth/login', status: 200 });
  });

  it('gives every answer an X-Request-Id and every JSON error body its request_id', async () => {
    const agent = await t.as('coordinator');
    const ok = await request(t.app).get('/api/health');
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
    const answers = [
      await request(t.app).get('/api/clients'), // 401
      await agent.get('/api/no-such-thing'), // 404
      await agent.post('/api/partners').send({ name: '' }), // 400
      await agent.post('/api/partners').set('Content-Type', 'application/json').send('{"name": '), // 400, unreadable
      await agent.post('/api/partners').type('form').send('name=x'), // 415
      await agent.post('/api/partners').send({ name: 'x', notes: 'あ'.repeat(1_200_000) }), // 413
    ];
    expect(answers.map((res) => res.status)).toEqual([401, 404, 400, 400, 415, 413]);
    for (const res of answers) {
      expect(res.body.request_id).toBe(res.headers['x-request-id']);
      expect(res.body.message).toEqual(expect.any(String));
      expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |stack/);
    }
    // A 4xx message stays as it was: the id is added to the message only for a server fault.
    expect(answers[1]!.body.message).toBe('そのような API はありません。');
  });

  it('keeps a generated-looking X-Request-Id from a proxy and replaces anything else', async () => {
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const hex = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    for (const given of [uuid, hex]) {
      const res = await request(t.app).get('/api/health').set('X-Request-Id', given);
      expect(res.headers['x-request-id']).toBe(given);
      expect(lineFor(res)).toMatchObject({ request_id: given, route: '/api/health' });
    }
    for (const given of ['090-1234-5678', '09012345678090123456', 'taro@example.jp', 'Taro Yamada', 'x'.repeat(65), '']) {
      const res = await request(t.app).get('/api/health').set('X-Request-Id', given);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
      expect(res.headers['x-request-id']).not.toBe(given);
    }
  });

  it('LOG_LEVEL is checked at start and decides which lines are written', async () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
    const quiet = captureLog();
    quiet.logger.level = 'warn';
    const app = buildApp(t.db, { sessionSecret: 'x'.repeat(40), logger: quiet.logger });
    await request(app).get('/api/health').expect(200);
    await request(app).get('/api/nothing').expect(404);
    expect(quiet.lines().map((line) => [line.level, line.status])).toEqual([['warn', 404]]);
  });
});

describe('serializeError', () => {
  it('keeps name, code, identifiers and frames; drops SQL, bound values, detail and where', () => {
    const dbError = Object.assign(new Error('duplicate key value violates unique constraint "clients_email_key"'), {
      name: 'error',
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (email)=(hanako@example.jp) already exists.',
      where: 'SQL statement "insert …"',
      table: 'clients',
      constraint: 'clients_email_key',
      routine: '_bt_check_unique',
      sql: 'insert into clients (name, email) values ($1, $2)',
      bindings: ['山田 花子', 'hanako@example.jp'],
      query: 'insert into clients (name, email) values ($1, $2)',
      params: ['山田 花子', 'hanako@example.jp'],
    });
    const out = serializeError(dbError);
    expect(out).toEqual({
      name: 'error',
      code: '23505',
      severity: 'ERROR',
      table: 'clients',
      constraint: 'clients_email_key',
      routine: '_bt_check_unique',
      stack: expect.stringMatching(/^error\n\s+at /),
    });
    expect(JSON.stringify(out)).not.toMatch(/hanako|山田|insert|Key \(/);
  });

  it('keeps the message of our own errors and of connection errors, not of parse errors or SQL', () => {
    expect(serializeError(new AppError('conflict', 'db.concurrent')).message).toBe(
      '同時に別の更新が行われました。もう一度お試しください。',
    );
    expect(
      serializeError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', syscall: 'connect' })).message,
    ).toBe('connect ECONNREFUSED 127.0.0.1:5432');
    expect(serializeError(new Error('Connection terminated unexpectedly')).message).toBe('Connection terminated unexpectedly');
    let parseError: unknown;
    try {
      JSON.parse('{"name": "山田 花子", ');
    } catch (err) {
      parseError = err;
    }
    expect(JSON.stringify(serializeError(parseError))).not.toContain('山田');
    expect(serializeError(new Error('select * from clients where name = 山田 - timeout')).message).toBeUndefined();
    const bodyParser = Object.assign(new Error('Unexpected token in JSON at 山田'), {
      type: 'entity.parse.failed',
      body: '{"name":"山田"',
    });
    expect(JSON.stringify(serializeError(bodyParser))).not.toContain('山田');
    // A thrown non-error is named by its type, never printed.
    expect(serializeError('山田 花子 090-1234-5678')).toEqual({ name: 'string' });
    // Causes go through the same rules.
    const cause = Object.assign(new Error('value too long: 山田 hanako'), { code: '22001', detail: 'hanako', bindings: ['山田'] });
    const wrapped = new Error('export failed', { cause });
    expect(JSON.stringify(serializeError(wrapped))).not.toMatch(/hanako|山田/);
    expect(serializeError(wrapped)).toMatchObject({ message: 'export failed', cause: { code: '22001' } });
  });
});
