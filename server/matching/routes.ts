import { Router } from 'express';
import type { Knex } from 'knex';
import { notFound } from '../core/errors.js';
import { guard } from '../http/guard.js';
import { idParam, parseWith } from '../core/validate.js';
import { explainCandidates, findCandidates } from './candidates.js';
import { loadTarget } from './facts.js';

/** GET /api/support-requests/:id/candidates and …/candidates/explain. */
export function matchingRouter(db: Knex): Router {
  const router = Router();
  const target = async (params: unknown) => {
    const { id } = parseWith(idParam, params);
    const t = await loadTarget(db, id);
    if (!t) throw notFound('noun.request');
    return t;
  };
  router.get('/:id/candidates', guard('support-requests', 'show'), async (req, res) => {
    res.json(await findCandidates(db, await target(req.params)));
  });
  router.get('/:id/candidates/explain', guard('support-requests', 'show'), async (req, res) => {
    res.json(await explainCandidates(db, await target(req.params)));
  });
  return router;
}
