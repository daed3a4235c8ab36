import { describe, expect, it } from 'vitest';
import { ID_CHECK_STATES, idCheckFilterBounds, tokyoDateInDays, withinIdCheckBounds } from '../server/domain/id-checks.js';
import { REQUEST_STATUSES } from '../server/domain/enums.js';
import { needsReason } from '../server/domain/workflow.js';
import { useTestApp } from './helpers/app.js';
import { createClient, createRequest } from './helpers/factories.js';

const t = useTestApp();

describe('rules declared once in server/domain agree with what the server does', () => {
  it('the volunteers list filter id_check_state selects what server/domain/id-checks.ts says, on each side of every boundary', async () => {
    const agent = await t.as('volunteer_staff');
    const dates = [null, -400, -1, 0, 1, 59, 60, 61, 400].map((d) => (d === null ? null : tokyoDateInDays(d)));
    const made: { id: number; until: string | null }[] = [];
    for (const [i, until] of dates.entries()) {
      const res = await agent.post('/api/volunteers').send({ name: `境界 ${i}`, languages: ['ja'], municipality_code: '131105' });
      expect(res.status).toBe(201);
      await t.db.knex('volunteers').where('id', res.body.id).update({ id_check_valid_until: until });
      made.push({ id: res.body.id, until });
    }
    for (const state of ID_CHECK_STATES) {
      const res = await agent.get('/api/volunteers').query({ filter: JSON.stringify({ id_check_state: state }), range: '[0,499]' });
      expect(res.status).toBe(200);
      const listed = new Set(res.body.map((v: { id: number }) => v.id));
      const bounds = idCheckFilterBounds(state);
      for (const v of made) expect(listed.has(v.id), `${state}: ${v.until}`).toBe(withinIdCheckBounds(bounds, v.until));
    }
  });

  it('the database requires a status reason for exactly the statuses needsReason names', async () => {
    const k = t.db.knex;
    const client = await createClient(k);
    const request = await createRequest(k, { client_id: client.id });
    for (const status of REQUEST_STATUSES) {
      // Each try is rolled back; a refusal names the migration's constraint.
      const outcome = await k
        .transaction(async (trx) => {
          await trx('support_requests').where('id', request.id).update({ status, status_reason: null });
          throw new Error('rolled back');
        })
        .catch((e: { constraint?: string; message: string }) => {
          if (e.message === 'rolled back') return 'accepted';
          if (e.constraint === 'support_requests_reason_check') return 'needs a reason';
          throw e;
        });
      expect(outcome, status).toBe(needsReason(status) ? 'needs a reason' : 'accepted');
    }
    expect((await k('support_requests').where('id', request.id).first('status')).status).toBe('matching');
  });
});
