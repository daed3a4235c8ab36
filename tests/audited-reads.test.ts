import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';
import { createVolunteer } from './helpers/factories.js';

const t = useTestApp();

const entries = (where: Record<string, string>) => t.db.knex('audit_log').where(where).orderBy('id');

describe('audited reads and exports', () => {
  it('writes one compact entry per single-record view of a resident or volunteer, by any role, naming the field groups received', async () => {
    const coordinator = await t.as('coordinator');
    const client = (
      await coordinator.post('/api/clients').send({ name: 'Read Me', languages: ['en'], eligibility: 'general', phone: '090-1212-3434' })
    ).body;
    const volunteer = await createVolunteer(t.db.knex);
    const expected = {
      admin: { clients: ['basic', 'contact', 'casework'], volunteers: ['basic', 'contact', 'casework'] },
      coordinator: { clients: ['basic', 'contact', 'casework'], volunteers: ['basic', 'contact', 'casework'] },
      volunteer_staff: { clients: ['basic'], volunteers: ['basic', 'contact', 'casework'] },
      secretariat: { clients: ['basic'], volunteers: ['basic', 'contact', 'casework'] },
    } as const;
    for (const [role, groups] of Object.entries(expected) as [keyof typeof expected, (typeof expected)['admin']][]) {
      const agent = await t.as(role);
      for (const [resource, id] of [
        ['clients', client.id],
        ['volunteers', volunteer.id],
      ] as const) {
        const before = (await entries({ action: 'view', resource, record_id: String(id) })).length;
        expect((await agent.get(`/api/${resource}/${id}`)).status).toBe(200);
        const after = await entries({ action: 'view', resource, record_id: String(id) });
        expect(after).toHaveLength(before + 1);
        const entry = after.at(-1);
        expect(entry.changed_fields, `${role} ${resource}`).toEqual(groups[resource]);
        expect(entry.staff_id).toBeTruthy();
        expect(entry.at).toBeInstanceOf(Date);
      }
    }
    // A list is not a single-record view.
    const before = (await entries({ action: 'view' })).length;
    await coordinator.get('/api/clients');
    expect(await entries({ action: 'view' })).toHaveLength(before);
  });

  it('marks exports that hold contact details, and exports the audit log itself', async () => {
    const coordinator = await t.as('coordinator');
    expect((await coordinator.get('/api/exports/clients.csv')).status).toBe(200);
    const withContact = (await entries({ action: 'export', resource: 'clients' })).at(-1);
    expect(withContact.changed_fields).toEqual(expect.arrayContaining(['basic', 'contact']));
    const secretariat = await t.as('secretariat');
    expect((await secretariat.get('/api/exports/clients.csv')).status).toBe(200);
    const without = (await entries({ action: 'export', resource: 'clients' })).at(-1);
    expect(without.changed_fields).toEqual(['basic']);
    const admin = await t.as('admin');
    const log = await admin.get('/api/exports/audit-log.csv');
    expect(log.status).toBe(200);
    expect(log.text).toContain('閲覧');
    expect((await entries({ action: 'export', resource: 'audit-log' })).length).toBe(1);
    expect((await coordinator.get('/api/exports/audit-log.csv')).status).toBe(403);
  });
});
