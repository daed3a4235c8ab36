import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { audit } from '../core/audit.js';
import { notFound } from '../core/errors.js';
import { multilineText } from '../core/fields.js';
import { serializeRow } from '../core/serialize.js';
import { parseWith } from '../core/validate.js';
import { actor, guard } from '../http/guard.js';

export const MunicipalityNotesBody = z.object({ notes: multilineText(2000).nullable() }).strict();
const CodeParam = z.object({ id: z.string().regex(/^\d{6}$/, '6 桁の区市町村コードを指定してください。') });

/**
 * PUT /api/municipalities/:id/notes — an admin's free text per municipality (its child health
 * check-up days, its 休日開庁 days), shown beside a request's date as a warning.
 */
export function municipalityNotesRouter(db: Knex): Router {
  const router = Router();
  router.put('/:id/notes', guard('municipalities', 'edit'), async (req, res) => {
    const { id } = parseWith(CodeParam, req.params);
    const { notes } = parseWith(MunicipalityNotesBody, req.body ?? {}, 'noun.municipality_note');
    const row = await db.transaction(async (trx) => {
      const [updated] = await trx('municipalities')
        .where('code', id)
        .update({ notes: notes || null })
        .returning('*');
      if (!updated) throw notFound('noun.municipality');
      await audit(trx, { staff_id: actor(req).id, action: 'update', resource: 'municipalities', record_id: id, changed_fields: ['notes'] });
      return updated;
    });
    res.json(serializeRow({ id: row.code, ...row }));
  });
  return router;
}
