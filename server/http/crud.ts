import { Router } from 'express';
import { z } from 'zod';
import { conflict } from '../core/errors.js';
import type { ResourceService } from '../core/service.js';
import { contentRange } from '../core/list-query.js';
import { idParam, parseWith } from '../core/validate.js';
import { actor, guard } from './guard.js';

/** ra-data-simple-rest routes for one resource, every one behind the role guard. */
export function crudRouter(service: ResourceService): Router {
  const router = Router();
  const { config } = service;
  const idSchema: z.ZodType<{ id: number | string }> = config.idSchema ? z.object({ id: config.idSchema }) : idParam;

  router.get('/', guard(config.name, 'list'), async (req, res) => {
    const query = service.listQueryFor(actor(req).role, req.query);
    const { rows, total, approximate } = await service.repo.list(service.db, query);
    res.set('Content-Range', contentRange(config.name, query.range, rows.length, total));
    // The total is the planner's estimate (lists of more than EXACT_COUNT_LIMIT matches).
    if (approximate) res.set('X-Total-Approximate', 'true');
    res.json(service.serializeAll(rows, actor(req).role));
  });

  router.get('/:id', guard(config.name, 'show'), async (req, res) => {
    const { id } = parseWith(idSchema, req.params);
    const row = await service.get(id);
    await config.onShow?.(row, actor(req), service.db);
    res.json(service.serialize(row, actor(req).role));
  });

  if (config.readOnly) return router;

  router.post('/', guard(config.name, 'create'), async (req, res) => {
    const row = await service.create(actor(req), req.body);
    res.status(201).json(service.serialize(row, actor(req).role));
  });

  if (!config.noUpdate) {
    router.put('/:id', guard(config.name, 'edit'), async (req, res) => {
      const { id } = parseWith(idSchema, req.params);
      res.json(service.serialize(await service.update(actor(req), id, req.body), actor(req).role));
    });
  }

  if (!config.noDelete) {
    router.delete('/:id', guard(config.name, 'delete'), async (req, res) => {
      const { id } = parseWith(idSchema, req.params);
      res.json(service.serialize(await service.remove(actor(req), id), actor(req).role));
    });
  } else {
    // Records of this kind are history (who was asked, what happened, who works here): kept.
    router.delete('/:id', guard(config.name, 'delete'), () => {
      throw conflict('cannot_delete_history');
    });
  }
  return router;
}
