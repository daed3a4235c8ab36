import { z } from 'zod';
import { EVENT_PARTIES, REQUEST_EVENT_KINDS } from '../domain/enums.js';
import { enumOf, foreignId, isoDateTime, requiredMultilineText } from '../core/fields.js';
import { assertExists } from '../people/rules.js';
import { defineResource } from '../core/resource.js';

/** What a coordinator may log by hand; status changes and the rest are written by the server. */
export const CONTACT_KINDS = ['call', 'email', 'note'] as const;

export const ContactLogSchema = z.object({
  request_id: foreignId(),
  kind: enumOf(CONTACT_KINDS),
  party: enumOf(EVENT_PARTIES).nullable().optional(),
  body: requiredMultilineText(4000),
  at: isoDateTime().optional(),
});

/** A request's timeline: append-only, so no edit and no delete. */
export const requestEvents = defineResource()({
  name: 'request-events',
  schema: ContactLogSchema,
  readOnlyFields: ['staff_id', 'from_status', 'to_status', 'assignment_id', 'message'],
  noDelete: true,
  noUpdate: true,
  list: {
    table: 'request_events',
    fields: {
      id: 'int',
      request_id: 'int',
      kind: { enum: REQUEST_EVENT_KINDS },
      party: { enum: EVENT_PARTIES },
      staff_id: 'int',
      at: 'timestamp',
    },
    sortable: ['id', 'at'],
    defaultSort: ['at', 'DESC'],
    maxPageSize: 1000,
  },
  check: async (e, { trx }) => assertExists(trx, 'support_requests', 'request_id', e.request_id, 'noun.request'),
  derive: (_e, { actor }) => ({ staff_id: actor.id }),
});
