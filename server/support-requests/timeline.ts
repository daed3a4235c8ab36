import type { Knex } from 'knex';
import type { EVENT_PARTIES, REQUEST_EVENT_KINDS, RequestStatus } from '../domain/enums.js';

export type TimelineEvent = {
  request_id: number;
  staff_id: number | null;
  kind: (typeof REQUEST_EVENT_KINDS)[number];
  party?: (typeof EVENT_PARTIES)[number] | null;
  from_status?: RequestStatus | null;
  to_status?: RequestStatus | null;
  assignment_id?: number | null;
  body?: string | null;
  /** The server's own entries: a code and values the console words in its language (body stays Japanese). */
  message?: TimelineMessage | null;
  at?: string | Date;
};

export type TimelineMessage = { code: string; params?: Record<string, string | number | boolean | string[]> };

/** Appends to a request's timeline inside the caller's transaction, with the change it records. */
export async function addEvent(trx: Knex.Transaction, event: TimelineEvent): Promise<void> {
  const { message, ...rest } = event;
  await trx('request_events').insert({ ...rest, message: message ? JSON.stringify(message) : null, at: event.at ?? trx.fn.now() });
}
