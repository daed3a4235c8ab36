import { describe, expect, it } from 'vitest';
import { ROLES } from '../server/domain/enums.js';
import { canAccess, PERMISSIONS } from '../server/domain/roles.js';
import { useTestApp } from './helpers/app.js';

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

  it('has a grant table that only names known roles and actions', () => {
    for (const grants of Object.values(PERMISSIONS)) {
      for (const role of Object.keys(grants)) expect(ROLES).toContain(role);
    }
    expect(canAccess(undefined, 'partners', 'list')).toBe(false);
    expect(canAccess('admin', 'no-such-resource', 'list')).toBe(false);
  });
});
