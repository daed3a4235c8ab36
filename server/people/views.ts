import type { Knex } from 'knex';
import { audit } from '../core/audit.js';
import type { Actor } from '../core/context.js';
import { type PersonResource, visibleGroups } from '../domain/privacy.js';

/**
 * One compact audit entry per single-record read of a resident or volunteer (action `view`):
 * who, whom, when, and the field groups the reader received. Special-care notes count only
 * when there were some to read.
 */
export async function auditView(db: Knex, resource: PersonResource, row: Record<string, unknown> & { id: number | string }, who: Actor) {
  const groups = visibleGroups(resource, who.role).filter((g) => g !== 'special_care_notes' || !!row.special_care_notes);
  await audit(db, { staff_id: who.id, action: 'view', resource, record_id: row.id, changed_fields: groups });
}
