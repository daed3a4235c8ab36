import { describe, expect, it } from 'vitest';
import { ROLES } from '../server/domain/enums.js';
import { canAccess, PERMISSIONS } from '../server/domain/roles.js';
import { useTestApp } from './helpers/app.js';
import { createClient, createRequest } from './helpers/factories.js';

const t = useTestApp();

describe('role guard', () => {
  it('follows the one role table on the server for every role and list route', async () => {
    for (const role of ROLES) {
      const agent = await t.as(role);
      for (const resource of ['partners', 'staff', 'municipalities', 'audit-log']) {
        const res = await agent.get(`/api/${resource}`);
        const expected = canAccess(role, resource, 'list') ? 200 : 403;
        expect(res.status, `${role} GET /api/${resource}`).toBe(expected);
      }
    }
  });

  it('answers 403 with a JSON body when the role may not write, and writes nothing', async () => {
    const secretariat = await t.as('secretariat');
    const res = await secretariat.post('/api/partners').send({ name: '事務局は作れない' });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('forbidden');
    expect(await t.db.knex('partners').where('name', '事務局は作れない').first()).toBeUndefined();
    const coordinator = await t.as('coordinator');
    expect((await coordinator.post('/api/staff').send({})).status).toBe(403);
  });

  it("gives residents' contact details and casework free text only to admin and coordinator", async () => {
    const k = t.db.knex;
    const client = await createClient(k, { phone: '080-5555-0101', email: 'kept@example.jp' });
    await k('clients').where('id', client.id).update({ address: '目黒区1-2-3', notes: '夜は電話不可' });
    const request = await createRequest(k, { client_id: client.id });
    await k('support_requests')
      .where('id', request.id)
      .update({ place: '○○病院', description: '妊婦健診の付き添い', intake: JSON.stringify({ name: 'Web 申込' }) });
    // Through the API, so both search columns are built as in real use.
    const coordinator = await t.as('coordinator');
    const fresh = (await coordinator.get(`/api/support-requests/${request.id}`)).body;
    expect((await coordinator.put(`/api/support-requests/${request.id}`).send({ version: fresh.version, mode: 'in_person' })).status).toBe(
      200,
    );
    await k('request_events').insert({ request_id: request.id, kind: 'call', party: 'resident', body: '本人から体調について電話' });
    const hidden = {
      clients: [`/api/clients/${client.id}`, ['phone', 'email', 'address', 'notes', 'special_care_notes']],
      'support-requests': [`/api/support-requests/${request.id}`, ['place', 'description', 'intake']],
    } as const;
    for (const role of ROLES) {
      const agent = await t.as(role);
      const sees = role === 'admin' || role === 'coordinator';
      for (const [, [path, fields]] of Object.entries(hidden)) {
        const one = await agent.get(path);
        expect(one.status, `${role} ${path}`).toBe(200);
        for (const field of fields.filter((f) => f !== 'special_care_notes'))
          expect(field in one.body, `${role} ${path} ${field}`).toBe(sees);
      }
      const timeline = await agent.get('/api/request-events').query({ filter: JSON.stringify({ request_id: request.id }) });
      expect(timeline.status).toBe(200);
      expect(timeline.body.length).toBeGreaterThan(0);
      expect(
        timeline.body.every((e: Record<string, unknown>) => 'body' in e),
        `${role} timeline text`,
      ).toBe(sees);
      const list = await agent.get('/api/clients').query({ filter: JSON.stringify({ id: [client.id] }) });
      expect(JSON.stringify(list.body).includes('080-5555-0101'), `${role} client list`).toBe(sees);
      // Nor can they find the resident by that number or address.
      for (const q of ['080-5555-0101', '08055550101', 'kept@example.jp']) {
        const search = await agent.get('/api/clients').query({ filter: JSON.stringify({ q }) });
        expect(search.status, `${role} q=${q}`).toBe(sees ? 200 : 400);
        if (sees) expect(search.body.map((c: { id: number }) => c.id)).toEqual([client.id]);
      }
      const requestSearch = await agent.get('/api/support-requests').query({ filter: JSON.stringify({ q: '08055550101' }) });
      expect(requestSearch.status, `${role} request search by phone`).toBe(sees ? 200 : 400);
      // Hidden text finds nothing for them (an e-mail's local part, a request's place); names still do.
      const ids = async (path: string, q: string) =>
        (await agent.get(path).query({ filter: JSON.stringify({ q }) })).body.map((r: { id: number }) => r.id);
      expect(await ids('/api/clients', 'kept'), `${role} e-mail local part`).toEqual(sees ? [client.id] : []);
      expect(await ids('/api/support-requests', '○○病院'), `${role} place`).toEqual(sees ? [request.id] : []);
      expect(await ids('/api/clients', client.name), `${role} name`).toEqual([client.id]);
      // Everyone still finds a request by its number.
      const byNumber = await agent.get('/api/support-requests').query({ filter: JSON.stringify({ q: '2026-04242' }) });
      expect(byNumber.status, `${role} request search by number`).toBe(200);
      // The duplicate check by phone would be the same lookup: refused for them.
      const duplicates = await agent.get('/api/clients/duplicates').query({ phone: '080-5555-0101' });
      expect(duplicates.status, `${role} duplicates`).toBe(sees ? 200 : 400);
      if (sees) expect(duplicates.body.map((c: { id: number }) => c.id)).toEqual([client.id]);
      const exported = await agent.get('/api/exports/clients.csv').query({ filter: JSON.stringify({ q: '0805555' }) });
      if (canAccess(role, 'clients', 'export')) expect(exported.status, `${role} export by phone`).toBe(sees ? 200 : 400);
    }
  });

  it('returns special-care notes only with one record, whose reading is audited, never in a list', async () => {
    const k = t.db.knex;
    const client = await createClient(k);
    await k('clients')
      .where('id', client.id)
      .update({ consent_at: new Date(), sensitive_consent_at: new Date(), special_care_notes: '持病あり' });
    const coordinator = await t.as('coordinator');
    const list = await coordinator.get('/api/clients').query({ filter: JSON.stringify({ id: [client.id] }) });
    expect(list.body[0]).not.toHaveProperty('special_care_notes');
    expect((await coordinator.get(`/api/clients/${client.id}`)).body.special_care_notes).toBe('持病あり');
  });

  it('has a grant table that only names known roles and actions', () => {
    for (const grants of Object.values(PERMISSIONS)) {
      for (const role of Object.keys(grants)) expect(ROLES).toContain(role);
    }
    expect(canAccess(undefined, 'partners', 'list')).toBe(false);
    expect(canAccess('admin', 'no-such-resource', 'list')).toBe(false);
  });
});
