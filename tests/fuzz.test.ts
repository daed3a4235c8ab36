import fc from 'fast-check';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import { SessionStore } from '../server/auth/session-store.js';
import { useTestApp } from './helpers/app.js';
import { createStaff } from './helpers/factories.js';
import { populate } from './helpers/input-fixtures.js';
import { changedTables, tableChecksums } from './helpers/snapshot.js';

/**
 * Malformed requests against every route the OpenAPI description lists (every resource's CRUD
 * routes and every custom route, so a new route is fuzzed as soon as it is documented, which
 * tests/openapi.test.ts enforces) and against every list's sort, range and filter. Nothing may
 * answer 5xx, and a refused request may write nothing: every table's checksum is compared
 * before and after each request. The seed is fixed, so a failure reproduces.
 */

const t = useTestApp();

const SEED = 20261128;
const SECRET = 'fuzz-secret-'.padEnd(48, 'z');
/** Runs per route and per list; together well over 2,000 requests on each engine. */
const WRITE_RUNS = 36;
const LIST_RUNS = 40;
const QUERY_RUNS = 30;
const ID_RUNS = 8;

type Json = Record<string, unknown>;
type Schema = Json & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  required?: string[];
};
type Operation = {
  method: string;
  path: string;
  body?: Schema;
  bodyType?: string;
  query: { name: string; required: boolean; schema: Schema }[];
  sortable?: string[];
  filterable?: Record<string, string>;
};
type Sent = { method: string; url: string; type?: string; body?: string | Buffer; ip?: string; readsBody?: boolean };

let app: ReturnType<typeof buildApp>;
let cookie = '';
let adminId = 0;
let ids: Awaited<ReturnType<typeof populate>>;
const operations: Operation[] = [];
let components: Record<string, Schema> = {};
let baseline: Record<string, string> = {};
let sessions: SessionStore;
const tally = { requests: 0, refused: 0, accepted: 0, byRoute: new Map<string, number>() };

// ---------------------------------------------------------------- hostile values

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\r', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f'];
const LONE = ['\ud800', '\udfff', 'a\ud83d', '\ude00b'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'prototype'];

// NUL half the time: PostgreSQL refuses it outright, the others would be stored as they are.
const control = fc.oneof(fc.constant('\u0000'), fc.constantFrom(...CONTROL));
const withControl = fc.tuple(fc.string({ maxLength: 8 }), control, fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b);

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: withControl },
  { weight: 2, arbitrary: fc.constantFrom(...LONE) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\t',
      '\n',
      '　',
      'null',
      'undefined',
      'NaN',
      'Infinity',
      '-1',
      '0',
      '1e309',
      '9'.repeat(40),
      '0x10',
      '１２３',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "'; drop table staff; --",
      '%',
      '_',
      '\\',
      '%_\\%',
      '" or 1=1 --',
      '$1',
      '?',
      '??',
      ':name',
      '{"$gt":""}',
      '<script>alert(1)</script>',
      '=cmd|/c calc!A1',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2026-02-30',
      '2026-13-01',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59+14:00',
      '2026-03-02T10:00:00',
      '2026-03-02T25:00:00+09:00',
      '1970-01-01',
      '24:00',
      '99:99',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('\u202etxt.exe', '\ufeffBOM', '\u200b', '𠮷野家😀', 'Ａ', 'ｱｲｳ', 'e\u0301') },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(5_000), 'あ'.repeat(70_000), 'x'.repeat(300_000)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    -2_147_483_649,
    2_147_483_647,
    2_147_483_648,
    2 ** 53,
    -(2 ** 53),
    Number.MAX_SAFE_INTEGER,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      [],
      [null],
      [[[]]],
      {},
      Array.from({ length: 2_000 }, (_, i) => i),
      JSON.parse('{"__proto__":{"admin":true}}'),
      { constructor: { prototype: { polluted: true } } },
      { toString: 1, valueOf: 2 },
      { $gt: 0 },
      JSON.parse('['.repeat(2_000) + ']'.repeat(2_000)),
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const hostileKey = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom('', ' ', 'a\u0000b', '\ud800', 'id; drop', 'x'.repeat(2_000)),
  fc.string({ maxLength: 12 }),
);

/** Bodies JSON.stringify cannot produce, sent as they are with Content-Type: application/json. */
const RAW_JSON = [
  '{',
  '{"a":1,}',
  "{'a':1}",
  '{"a":"\\u0000"}',
  '{"name":"\\ud800"}',
  '{"version":1e999,"name":"x"}',
  '{"id":-0}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  '"just a string"',
  'null',
  'true',
  '12345678901234567890',
  'NaN',
  '\u0000',
  '\ufeff{"name":"bom"}',
  '{"__proto__":{"isAdmin":true},"name":"proto"}',
  `{"a":${'{"a":'.repeat(1_000)}1${'}'.repeat(1_001)}`,
];

// ---------------------------------------------------------------- plausible values from the schemas

function resolve(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(components[schema.$ref.replace('#/components/schemas/', '')]);
  return schema;
}

const tokyoTime = fc
  .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00'));

/** A believable value for a field, so that most bodies get past the first check and reach the rules. */
function plausible(name: string, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => plausible(name, v, depth)));
  if (s.enum) return fc.constantFrom(...s.enum);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type) => plausible(name, { ...s, type }, depth)));
  if (name.endsWith('_id') || name === 'ids') {
    const pool = idPool(name);
    return s.type === 'array' ? fc.subarray(pool, { minLength: 1 }) : fc.constantFrom(...pool);
  }
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 0;
      const max = typeof s.maximum === 'number' ? Math.min(s.maximum, min + 1_000) : min + 1_000;
      return fc.integer({ min, max });
    }
    case 'array':
      if (depth > 3) return fc.constant([]);
      return fc.array(plausible(name, s.items ?? {}, depth + 1), {
        minLength: typeof s.minItems === 'number' ? Math.min(s.minItems, 3) : 0,
        maxLength: 3,
      });
    case 'object': {
      if (depth > 3 || !s.properties) return fc.constant({});
      const props = Object.fromEntries(Object.entries(s.properties).map(([key, sub]) => [key, plausible(key, sub, depth + 1)]));
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    case 'string':
      return plausibleString(name, s);
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  }
}

function plausibleString(name: string, s: Schema): fc.Arbitrary<string> {
  if (s.format === 'date-time') return tokyoTime;
  if (s.format === 'date') return tokyoTime.map((v) => v.slice(0, 10));
  if (s.format === 'email') return fc.constantFrom('someone@test.example', 'hanako@test.example', 'x@y.example');
  if (name === 'phone') return fc.constantFrom('090-1234-5678', '03-1234-5678');
  if (typeof s.pattern === 'string' && s.pattern.length < 60) {
    try {
      return fc
        .stringMatching(new RegExp(s.pattern), { size: 'xsmall' })
        .filter((v) => typeof s.maxLength !== 'number' || v.length <= s.maxLength);
    } catch {
      // fall through: a pattern fast-check cannot generate from
    }
  }
  const byName: Record<string, string[]> = {
    languages: ['en', 'ja', 'uk', 'vi'],
    language: ['en', 'ja'],
    contact_language: ['uk', 'en'],
    nationality: ['UA', 'VN', 'ua'],
    municipality_code: ['131105', '131091'],
    password: ['long-enough-password'],
    phone: ['090-1234-5678', '03-1234-5678'],
    email: ['someone@test.example'],
    month: ['2026-03', '2026-02'],
    year: ['2025', '2026'],
  };
  const known = Object.hasOwn(byName, name) ? byName[name]! : undefined;
  const text = fc.string({ minLength: typeof s.minLength === 'number' ? s.minLength : 0, maxLength: 12 });
  return known ? fc.oneof(fc.constantFrom(...known), text) : fc.oneof(fc.constantFrom('山田 花子', 'テスト', 'note', '目黒区'), text);
}

// ---------------------------------------------------------------- ids in paths

function idPool(field: string): number[] {
  const base = field.replace(/_id$/, '');
  const pools: Record<string, number[]> = {
    client: [ids.client],
    partner: [ids.partner],
    request: ids.requests,
    volunteer: ids.volunteers,
    assignment: ids.assignments,
    coordinator: [ids.staff],
    follow_up_owner: [ids.staff],
    ids: [ids.expense, ids.expense + 1],
  };
  return (Object.hasOwn(pools, base) ? pools[base] : undefined) ?? [1, 2];
}

/** The record ids a path's resource has, never the acting admin's own. */
function pathIds(path: string): string[] {
  const resource = path.split('/')[2] ?? '';
  const pools: Record<string, number[]> = {
    partners: [ids.partner],
    clients: [ids.client],
    'support-requests': ids.requests,
    volunteers: ids.volunteers,
    assignments: ids.assignments,
    'activity-reports': [ids.report],
    expenses: [ids.expense],
    'id-checks': [ids.idCheck],
    'request-events': [ids.event],
    staff: [ids.staff],
    municipalities: [131105],
  };
  return (pools[resource] ?? [1]).map(String);
}

const hostileId = fc.constantFrom(
  '0',
  '-1',
  '1.5',
  '1e3',
  'abc',
  '99999999999999999999',
  '2147483648',
  '%00',
  '%ZZ',
  '%E0%A4%A',
  '__proto__',
  'constructor',
  '%20%201',
  '0x10',
  '%EF%BC%91',
  'null',
  encodeURIComponent('1;drop'),
  'x'.repeat(3_000),
);

function pathWith(op: Operation, id: string): string {
  return op.path.replace('{id}', id);
}

// ---------------------------------------------------------------- one request, and what must hold

async function send(sent: Sent): Promise<request.Response> {
  const agent = request(app) as unknown as Record<string, (url: string) => request.Test>;
  let req = agent[sent.method]!(sent.url)
    .set('Cookie', `sid=${cookie}`)
    .set('X-Forwarded-For', sent.ip ?? '10.0.0.1');
  if (sent.type) req = req.set('Content-Type', sent.type);
  if (sent.body !== undefined) req = req.send(sent.body);
  return req;
}

/** A fresh session for the acting admin, who stays an active admin whatever the fuzz did. */
async function ensureSession(): Promise<void> {
  await t.db.knex('staff').where('id', adminId).update({ active: true, role: 'admin' });
  const me = await request(app).get('/api/auth/me').set('Cookie', `sid=${cookie}`);
  if (me.status !== 200) cookie = (await t.db.knex.transaction((trx) => sessions.create(trx, adminId))).cookie;
}

const describeSent = (sent: Sent) =>
  `${sent.method.toUpperCase()} ${sent.url.slice(0, 300)} ${sent.type ?? ''} ${String(sent.body ?? '').slice(0, 300)}`;

async function check(route: string, sent: Sent): Promise<void> {
  tally.requests += 1;
  tally.byRoute.set(route, (tally.byRoute.get(route) ?? 0) + 1);
  const res = await send(sent);
  const what = `${describeSent(sent)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
  if (res.status >= 500) throw new Error(`5xx: ${what}`);
  if (res.status >= 400) {
    tally.refused += 1;
    // 431: Node itself refuses a URL longer than its header limit, before the app sees it.
    if (res.status !== 431 && typeof res.body?.message !== 'string') throw new Error(`error without a message: ${what}`);
    const after = await tableChecksums(t.db.knex);
    const changed = changedTables(baseline, after);
    if (changed.length) throw new Error(`refused request wrote to ${changed.join(', ')}: ${what}`);
    return;
  }
  // Accepted (a malformed-looking request can still be valid): its writes become the new baseline.
  tally.accepted += 1;
  await ensureSession();
  baseline = await tableChecksums(t.db.knex);
  // Whatever a route reads from its body, it never takes text no column should hold.
  const smuggled = sent.readsBody ? forbiddenText(sent.body) : undefined;
  if (smuggled) throw new Error(`accepted text with ${smuggled}: ${what}`);
}

/**
 * A string in a JSON body that no text field may accept: a control character other than tab,
 * line feed and carriage return, or half a surrogate pair. Passwords are never stored as text.
 */
function forbiddenText(body: Sent['body']): string | undefined {
  if (typeof body !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const found: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && key !== 'password') {
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(v)) found.push(`a control character in ${key}`);
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(v)) found.push(`a lone surrogate in ${key}`);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(parsed, 'body');
  return found[0];
}

// ---------------------------------------------------------------- request generators

const jsonBody = (value: unknown): Pick<Sent, 'type' | 'body'> => ({ type: 'application/json', body: JSON.stringify(value) ?? 'null' });

function bodyCases(op: Operation): fc.Arbitrary<Pick<Sent, 'type' | 'body'>> {
  const schema = resolve(op.body);
  const base = (op.body ? plausible('body', schema) : fc.constant({})).map((v) =>
    op.method === 'put' && v && typeof v === 'object' && !Array.isArray(v) ? { version: 1, ...v } : v,
  );
  const fields = Object.keys(schema.properties ?? {}).concat(op.method === 'put' ? ['version'] : []);
  // The required fields only: believable, so the one broken field is what the server meets.
  const required = new Set(schema.required ?? []);
  const minimal = base.map((b) =>
    b && typeof b === 'object' && !Array.isArray(b)
      ? Object.fromEntries(Object.entries(b).filter(([k]) => required.has(k) || k === 'version'))
      : b,
  );
  const oneFieldBroken = fc
    .tuple(fc.oneof(base, minimal), fields.length ? fc.constantFrom(...fields) : fc.constant('name'), hostileValue)
    .map(([b, field, value]) => jsonBody({ ...(b as Json), [field]: value }));
  // Text fields get text that no database column can hold, or that should never be stored.
  const textFields = Object.entries(schema.properties ?? {})
    .filter(([, sub]) => acceptsString(sub))
    .map(([k]) => k);
  const textBroken = fc
    .tuple(
      fc.oneof(base, minimal),
      textFields.length ? fc.constantFrom(...textFields) : fc.constant('name'),
      fc.oneof(withControl, fc.constantFrom(...LONE)),
    )
    .map(([b, field, value]) => jsonBody({ ...(b as Json), [field]: value }));
  const nestedBroken = fc.tuple(base, hostileValue).map(([b, value]) => jsonBody(deepReplace(b, value)));
  const extraKey = fc.tuple(base, hostileKey, hostileValue).map(([b, key, value]) => ({
    type: 'application/json',
    body: JSON.stringify(b).replace(
      /^\{/,
      `{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}${JSON.stringify(b) === '{}' ? '' : ','}`,
    ),
  }));
  const wholeBody = hostileValue.map((v) => jsonBody(v));
  const raw = fc.constantFrom(...RAW_JSON).map((body) => ({ type: 'application/json', body }));
  const wrongType = fc
    .tuple(
      base,
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'multipart/form-data; boundary=x',
        'application/xml',
      ),
    )
    .map(([b, type]) => ({ type, body: JSON.stringify(b) }));
  const badBytes = fc
    .constantFrom(
      Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
      Buffer.from([0x00, 0x7b, 0x7d]),
    )
    .map((body) => ({ type: 'application/json', body }));
  return fc.oneof(
    { weight: 6, arbitrary: oneFieldBroken },
    { weight: 4, arbitrary: textBroken },
    { weight: 2, arbitrary: nestedBroken },
    { weight: 2, arbitrary: extraKey },
    { weight: 2, arbitrary: wholeBody },
    { weight: 2, arbitrary: raw },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: badBytes },
    { weight: 1, arbitrary: base.map((b) => jsonBody(b)) },
  );
}

function acceptsString(schema: Schema): boolean {
  const s = resolve(schema);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  return (
    (types.includes('string') && !s.enum) ||
    (s.anyOf ?? s.oneOf ?? []).some(acceptsString) ||
    (s.type === 'array' && acceptsString(s.items ?? {}))
  );
}

/** The first string or number found deep inside a value, replaced. */
function deepReplace(value: unknown, by: unknown): unknown {
  let done = false;
  const walk = (v: unknown): unknown => {
    if (done) return v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    if (typeof v === 'string' || typeof v === 'number') {
      done = true;
      return by;
    }
    return v;
  };
  const out = walk(value);
  return done ? out : by;
}

const CSV_CASES = [
  'name,languages\n山田\u0000花子,en\n',
  'name,languages\n"unterminated,en\n',
  'constructor,__proto__\n1,2\n',
  'name,languages,toString\nA,en,1\n',
  '\ufeffname,languages\n=cmd|/c calc!A1,en\n',
  `name,languages\n${'x'.repeat(300)},zz\n`,
  'name,languages,monthly_limit,availability\nA,en,999999999,月 25:00-26:00\n',
  'name,languages,consent_at,partner\nA,en,2026-02-30 10:00,constructor\n',
  'name,languages,partner\nA,en,__proto__\n',
  'name,languages,task_types,status\nA,en,toString,hasOwnProperty\n',
  'name,languages\n\ud800,en\n',
  '',
  '\n\n\n',
];

function csvCases(): fc.Arbitrary<Pick<Sent, 'type' | 'body'>> {
  return fc.oneof(
    fc.constantFrom(...CSV_CASES).map((body) => ({ type: 'text/csv', body: Buffer.from(body, 'utf8') })),
    fc.tuple(hostileString, hostileString).map(([a, b]) => ({
      type: 'text/csv',
      body: Buffer.from(`name,languages,notes\n"${a.replace(/"/g, '""')}",en,"${b.replace(/"/g, '""')}"\n`, 'utf8'),
    })),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ type: 'text/csv', body: Buffer.from(bytes) })),
    fc
      .constantFrom(Buffer.from([0xff, 0xfe, 0x41, 0x00]), Buffer.from([0x82, 0xa0, 0x2c, 0x0a]))
      .map((body) => ({ type: 'application/octet-stream', body })),
    fc.constantFrom('application/json', 'text/plain', 'image/png').map((type) => ({ type, body: Buffer.from('name,languages\nA,en\n') })),
  );
}

const jsonText = (value: unknown) => JSON.stringify(value) ?? 'null';

function listQuery(op: Operation): fc.Arbitrary<Record<string, string>> {
  const sortable = op.sortable ?? ['id'];
  const filterable = op.filterable ?? {};
  const fieldNames = Object.keys(filterable);
  const plausibleFor = (type: string): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'int':
      case 'number':
        return fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }).map(String));
      case 'bool':
        return fc.constantFrom(true, false, 'true', 'false');
      case 'date':
        return tokyoTime.map((v) => v.slice(0, 10));
      case 'timestamp':
        return fc.oneof(
          tokyoTime,
          tokyoTime.map((v) => v.slice(0, 10)),
        );
      case 'text_array':
        return fc.oneof(fc.constantFrom('en', '131105'), fc.constant(['en', 'ja']));
      default:
        return fc.constantFrom('en', 'ja', '131105', 'received', 'admin', 'passed', 'C-00001', '山田');
    }
  };
  const key = fc.oneof(
    { weight: 4, arbitrary: fieldNames.length ? fc.constantFrom(...fieldNames) : fc.constant('id') },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fieldNames.length ? fc.constantFrom(...fieldNames) : fc.constant('id'), fc.constantFrom('_gte', '_lte', '_gt', '_lt'))
        .map(([k, s]) => k + s),
    },
    { weight: 2, arbitrary: hostileKey },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).map((k) => `${k}_gte`) },
  );
  const valueFor = (k: string) => {
    const base = k.replace(/_(gte|lte|gt|lt)$/, '');
    const type = Object.hasOwn(filterable, k) ? filterable[k]! : Object.hasOwn(filterable, base) ? filterable[base]! : 'text';
    return fc.oneof(
      { weight: 3, arbitrary: plausibleFor(type) },
      { weight: 1, arbitrary: fc.array(plausibleFor(type), { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  };
  const name = fieldNames.length ? fc.constantFrom(...fieldNames) : fc.constant('id');
  const goodEntry = name.chain((k) => valueFor(k).map((v) => [k, v] as const));
  // One thing wrong at a time, so it is that thing the server must refuse (not an earlier one).
  const badEntry = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(name, hostileValue) },
    { weight: 2, arbitrary: fc.tuple(key, hostileValue) },
    { weight: 2, arbitrary: fc.tuple(hostileKey, fc.oneof(fc.constant(1), fc.constant('x'), hostileValue)) },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom(...PROTOTYPE_KEYS).map((k) => `${k}_gte`),
        fc.constant(1),
      ),
    },
  );
  const filterText = (entries: readonly (readonly [string, unknown])[]) =>
    `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  const goodFilter = fc.array(goodEntry, { maxLength: 2 }).map(filterText);
  const badFilter = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.array(goodEntry, { maxLength: 2 }), badEntry).map(([good, bad]) => filterText([...good, bad])) },
    { weight: 1, arbitrary: hostileValue.map(jsonText) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{',
        '{"q":',
        'null',
        '[]',
        '"q"',
        '{"q":"a"}{"q":"b"}',
        '%00',
        '\u0000',
        '{"q":"\\u0000"}',
        '{"__proto__":{"q":1}}',
      ),
    },
  );
  const goodSort = fc.tuple(fc.constantFrom(...sortable), fc.constantFrom('ASC', 'DESC', 'asc', 'desc')).map(jsonText);
  const badSort = fc.oneof(
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof(hostileString, fc.constantFrom(...PROTOTYPE_KEYS)), fc.oneof(fc.constantFrom('ASC', 'SIDEWAYS', ''), hostileString))
        .map(jsonText),
    },
    { weight: 1, arbitrary: hostileValue.map(jsonText) },
    { weight: 1, arbitrary: fc.constantFrom('[', 'id', '["id"]', '["id","ASC","x"]', '') },
  );
  const goodRange = fc.tuple(fc.nat(60), fc.nat(30)).map(([a, n]) => jsonText([a, a + n]));
  const badRange = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(hostileNumber, hostileNumber).map(jsonText) },
    { weight: 1, arbitrary: hostileValue.map(jsonText) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '[0,9007199254740991]',
        '[9007199254740990,9007199254740991]',
        '[1e20,1e20]',
        '[0,24',
        '[-1,5]',
        '[5,1]',
        '["0","24"]',
      ),
    },
  );
  const good = fc.record({ sort: goodSort, range: goodRange, filter: goodFilter }, { requiredKeys: [] });
  const extra = fc.oneof(
    fc.tuple(hostileKey, hostileString).map(([k, v]) => ({ [k]: v })),
    fc.constantFrom<Record<string, unknown>>({ sort: ['["id","ASC"]', '["id","DESC"]'] }, { filter: ['{}', '{}'] }),
  );
  return fc
    .tuple(
      good,
      fc.oneof(
        { weight: 6, arbitrary: badFilter.map((filter) => ({ filter })) },
        { weight: 1, arbitrary: badSort.map((sort) => ({ sort })) },
        { weight: 1, arbitrary: badRange.map((range) => ({ range })) },
        { weight: 1, arbitrary: extra },
        { weight: 1, arbitrary: fc.constant({}) },
      ),
    )
    .map(([g, bad]) => ({ ...g, ...bad }) as Record<string, string>);
}

function queryString(params: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${safeEncode(k)}=${safeEncode(String(one))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** encodeURIComponent throws on a lone surrogate; such a query goes as percent-encoded bytes of U+FFFD's neighbour. */
function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[^A-Za-z0-9]/g, (c) => `%${(c.charCodeAt(0) & 0xff).toString(16).padStart(2, '0')}`);
  }
}

/** Believable values for a route's query parameters, with one of them (or an unknown one) made hostile. */
function queryCases(op: Operation): fc.Arbitrary<Record<string, unknown>> {
  const good = fc.record(Object.fromEntries(op.query.map((p) => [p.name, plausible(p.name, p.schema)])), {
    requiredKeys: op.query.filter((p) => p.required).map((p) => p.name),
  });
  const asText = (v: unknown) => (typeof v === 'string' ? v : jsonText(v));
  const bad = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...op.query.map((p) => p.name)), hostileValue).map(([k, v]) => ({ [k]: asText(v) })) },
    { weight: 1, arbitrary: fc.tuple(hostileKey, hostileString).map(([k, v]) => ({ [k]: v })) },
    { weight: 1, arbitrary: fc.constantFrom(...op.query.map((p) => p.name)).map((k) => ({ [k]: ['1', '2'] })) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
  return fc.tuple(good, bad).map(([g, b]) => ({ ...g, ...b }));
}

// ---------------------------------------------------------------- setup

beforeAll(async () => {
  app = buildApp(t.db, { sessionSecret: SECRET, trustProxy: true, log: (err) => t.errors.push(err) });
  sessions = new SessionStore(SECRET, 12);
  ids = await populate(t.db.knex);
  adminId = (await createStaff(t.db.knex, { role: 'admin' })).id;
  cookie = (await t.db.knex.transaction((trx) => sessions.create(trx, adminId))).cookie;
  const doc = (await request(app).get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, Schema> };
  };
  components = doc.components.schemas;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content ?? {};
      const [bodyType, media] = Object.entries(content)[0] ?? [];
      operations.push({
        method,
        path,
        body: media?.schema,
        bodyType,
        query: ((op.parameters as { name: string; in: string; required?: boolean; schema: Schema }[] | undefined) ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: !!p.required, schema: p.schema })),
        sortable: op['x-sortable'] as string[] | undefined,
        filterable: op['x-filterable'] as Record<string, string> | undefined,
      });
    }
  }
  baseline = await tableChecksums(t.db.knex);
}, 120_000);

/** Runs one property per route with the fixed seed; a failure names the request that broke. */
async function fuzz<T>(route: string, runs: number, cases: fc.Arbitrary<T>, toSent: (c: T) => Sent) {
  await fc.assert(
    fc.asyncProperty(cases, async (c) => {
      await check(route, toSent(c));
    }),
    { seed: SEED, numRuns: runs, endOnFailure: true },
  );
}

// ---------------------------------------------------------------- the properties

describe('fuzzing every route with malformed requests', () => {
  it('every write route (POST, PUT, DELETE of every resource and every custom route; PATCH too) answers 4xx, never 5xx, and writes nothing when it refuses', async () => {
    const writes = operations.filter((op) => ['post', 'put', 'delete'].includes(op.method));
    expect(writes.length).toBeGreaterThan(30);
    let ip = 0;
    for (const op of writes) {
      const route = `${op.method.toUpperCase()} ${op.path}`;
      const pathArb = op.path.includes('{resource}')
        ? fc
            .oneof(
              { weight: 4, arbitrary: fc.constantFrom('clients', 'volunteers') },
              { weight: 1, arbitrary: fc.constantFrom('constructor', '__proto__', 'partners', '%00', 'x'.repeat(500)) },
            )
            .map((r) => op.path.replace('{resource}', r))
        : op.path.includes('{id}')
          ? fc
              .oneof({ weight: 4, arbitrary: fc.constantFrom(...pathIds(op.path)) }, { weight: 1, arbitrary: hostileId })
              .map((id) => pathWith(op, id))
          : fc.constant(op.path);
      const bodies = op.bodyType === 'text/csv' ? csvCases() : bodyCases(op);
      const query = op.query.length ? queryCases(op) : fc.constant({});
      // Each residents' form post comes from its own address, or the hourly limit answers first.
      await fuzz(route, WRITE_RUNS, fc.tuple(pathArb, bodies, query), ([path, body, q]) => ({
        method: op.method,
        url: path + queryString(q),
        ...body,
        readsBody: !!op.body,
        ip: `10.${(++ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
      }));
    }
    // PATCH is routed nowhere: a 404 on every path.
    const paths = [...new Set(operations.map((op) => op.path))];
    for (const path of paths) {
      const url = path.replace('{id}', pathIds(path)[0]!).replace('{resource}', 'clients');
      await check(`PATCH ${path}`, { method: 'patch', url, type: 'application/json', body: '{"name":"x"}' });
    }
    expect([...tally.byRoute.keys()].filter((r) => !r.startsWith('PATCH'))).toHaveLength(writes.length);
  }, 600_000);

  it('every list (and its CSV export) answers 4xx, never 5xx, to malformed sort, range, filter and q', async () => {
    const lists = operations.filter((op) => op.method === 'get' && op.sortable);
    expect(lists.length).toBeGreaterThanOrEqual(12);
    for (const op of lists) {
      await fuzz(`GET ${op.path}`, LIST_RUNS, listQuery(op), (q) => ({ method: 'get', url: op.path + queryString(q) }));
      const name = op.path.replace('/api/', '');
      const exportQuery = fc.tuple(
        listQuery(op),
        fc.record(
          {
            lang: fc.oneof(fc.constantFrom('ja', 'en'), hostileString),
            encoding: fc.oneof(fc.constantFrom('utf-8', 'shift_jis'), hostileString),
          },
          { requiredKeys: [] },
        ),
      );
      await fuzz(`GET /api/exports/${name}.csv`, Math.round(LIST_RUNS / 2), exportQuery, ([q, o]) => {
        const { range: _range, ...rest } = q;
        return { method: 'get', url: `/api/exports/${name}.csv${queryString({ ...rest, ...o })}` };
      });
    }
  }, 600_000);

  it('every other read with a query or an id answers 4xx, never 5xx, to malformed values', async () => {
    const reads = operations.filter((op) => op.method === 'get' && !op.sortable && (op.query.length || op.path.includes('{')));
    for (const op of reads) {
      const path = fc
        .oneof({ weight: 3, arbitrary: fc.constantFrom(...pathIds(op.path)) }, { weight: 2, arbitrary: hostileId })
        .map((id) => op.path.replace('{id}', id).replace('{resource}', id.length < 12 && /^\d+$/.test(id) ? 'clients' : id));
      const runs = op.query.length ? QUERY_RUNS : ID_RUNS;
      await fuzz(`GET ${op.path}`, runs, fc.tuple(path, op.query.length ? queryCases(op) : fc.constant({})), ([p, q]) => ({
        method: 'get',
        url: p + queryString(q),
      }));
    }
  }, 600_000);

  it('sent well over 2,000 malformed requests, most of them refused', () => {
    console.info(
      `fuzz: ${tally.requests} requests (${tally.refused} refused, ${tally.accepted} accepted) over ${tally.byRoute.size} routes`,
    );
    expect(tally.requests).toBeGreaterThanOrEqual(2_000);
    expect(tally.refused).toBeGreaterThan(tally.accepted);
    expect(t.errors).toEqual([]);
  });
});
