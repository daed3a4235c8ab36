import { Router } from 'express';
import type { Knex } from 'knex';
import { AppError } from '../core/errors.js';
import { parseWith } from '../core/validate.js';
import { hiddenFields } from '../domain/roles.js';
import { actor, guard } from '../http/guard.js';
import { DuplicateQuery, findDuplicates, type Person } from './duplicates.js';

/** GET /api/<people>/duplicates?name=&name_kana=&phone=&email=&exclude_id= — for the form's warning. */
export function duplicatesRoute(db: Knex, person: Person): Router {
  const router = Router();
  router.get('/duplicates', guard(person.resource, 'list'), async (req, res) => {
    const hidden = hiddenFields(actor(req).role, person.resource);
    const input = parseWith(DuplicateQuery, req.query);
    // Looking a phone or address up would say whose it is: only by name for those who may not see them.
    const refused = (['phone', 'email'] as const).filter((f) => input[f] && hidden.includes(f));
    if (refused.length) {
      const message = 'duplicates_contact_refused';
      throw new AppError('validation', message, Object.fromEntries(refused.map((f) => [f, message])));
    }
    const found = await findDuplicates(db, person, input);
    res.json(found.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !hidden.includes(key)))));
  });
  return router;
}
