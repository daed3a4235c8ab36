import express, { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { clients } from '../clients/resource.js';
import { canAccess } from '../domain/roles.js';
import { ResourceRepository } from '../core/repository.js';
import { ResourceService } from '../core/service.js';
import { AppError, forbidden, notFound } from '../core/errors.js';
import { actor, requireLogin } from '../http/guard.js';
import { parseWith } from '../core/validate.js';
import { volunteers } from '../volunteers/resource.js';
import { IMPORT_RESOURCES, type ImportResource } from './columns.js';
import { ImportService } from './service.js';

export const IMPORT_LIMIT = '5mb';
const CSV_TYPES = ['text/csv', 'application/octet-stream', 'application/vnd.ms-excel'];

export const ImportQuery = z
  .object({
    dry_run: z
      .enum(['true', 'false'], { error: 'dry_run は true か false です。' })
      .default('true')
      .transform((v) => v === 'true'),
    accept_duplicates: z
      .enum(['true', 'false'], { error: 'accept_duplicates は true か false です。' })
      .default('false')
      .transform((v) => v === 'true'),
  })
  .strict();

const resourceOf = (value: unknown): ImportResource => {
  const resource = IMPORT_RESOURCES.find((r) => r === value);
  if (!resource) throw notFound('noun.import_target');
  return resource;
};

/** Checked before the body is read, so no one without the right uploads 5 MB for nothing. */
const mayCreate: RequestHandler = (req, _res, next) => {
  const resource = resourceOf(req.params.resource);
  next(canAccess(actor(req).role, resource, 'create') ? undefined : forbidden('import.forbidden'));
};

// A browser sends a .csv with whatever type the OS guessed, sometimes none at all.
const isCsvUpload = (type: string | undefined) => !type || CSV_TYPES.includes(type.split(';')[0]!.trim().toLowerCase());
const csvBody = express.raw({ type: (req) => isCsvUpload(req.headers['content-type']), limit: IMPORT_LIMIT });

/** POST /api/imports/:resource?dry_run=true|false with the CSV file as the body. */
export function importRouter(db: Knex): Router {
  const service = new ImportService(db, {
    clients: new ResourceService(db, new ResourceRepository(clients)),
    volunteers: new ResourceService(db, new ResourceRepository(volunteers)),
  });
  const router = Router();
  router.post('/:resource', requireLogin, mayCreate, csvBody, async (req, res) => {
    const { dry_run, accept_duplicates } = parseWith(ImportQuery, req.query, 'noun.import_conditions');
    if (!Buffer.isBuffer(req.body) && req.is('*/*')) {
      throw new AppError('unsupported_media_type', 'import.csv_content_type');
    }
    const file = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const outcome = await service.run(resourceOf(req.params.resource), file, dry_run, actor(req), accept_duplicates);
    res.status(outcome.status).json(outcome.body);
  });
  return router;
}
