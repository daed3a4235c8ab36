import { Router } from 'express';
import { z } from 'zod';
import type { Knex } from 'knex';
import { notFound } from '../core/errors.js';
import { guard } from '../http/guard.js';
import { idParam, parseWith } from '../core/validate.js';
import { DEFAULT_CANDIDATES, explainCandidates, findCandidates, MAX_CANDIDATES } from './candidates.js';
import { loadTarget } from './facts.js';

/** How many of the best candidates to answer; X-Total-Count says how many there are in all. */
export const CandidatesQuery = z.object({ limit: z.coerce.number().int().min(1).max(MAX_CANDIDATES).default(DEFAULT_CANDIDATES) }).strict();

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
    const { limit } = parseWith(CandidatesQuery, req.query);
    const { candidates, total } = await findCandidates(db, await target(req.params), limit);
    res.set('X-Total-Count', String(total));
    res.json(candidates);
  });
  router.get('/:id/candidates/explain', guard('support-requests', 'show'), async (req, res) => {
    res.json(await explainCandidates(db, await target(req.params)));
  });
  return router;
}
