import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { MESSAGE_KINDS } from '../domain/enums.js';

export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type NewMessage = {
  kind: MessageKind;
  volunteer_id?: number | null;
  client_id?: number | null;
  request_id?: number | null;
  assignment_id?: number | null;
  address: string | null;
  language: string;
  subject: string;
  body: string;
  calendar?: string | null;
  send_after?: Date | null;
};

/**
 * Puts a message in the outbox inside the caller's transaction: it exists exactly when the
 * change that causes it is committed. The dispatcher hands it to the queue afterwards (or marks
 * it held when no SMTP server is configured). A message with no address is held at once.
 */
export async function queueMessage(trx: Knex.Transaction, message: NewMessage): Promise<number> {
  const [row] = await trx('messages')
    .insert({
      ...message,
      status: message.address ? 'queued' : 'held',
      last_error: message.address ? null : '宛先のメールアドレスがありません。',
      message_id: `otonari-${randomUUID()}`,
    })
    .returning('id');
  return row.id;
}

/** Cancels the not-yet-sent messages of some kinds for an assignment (a reminder for a moved time). */
export async function cancelPending(trx: Knex.Transaction, assignmentId: number, kinds: MessageKind[]): Promise<void> {
  await trx('messages')
    .where('assignment_id', assignmentId)
    .whereIn('kind', kinds)
    .whereIn('status', ['queued', 'held', 'failed'])
    .update({ status: 'cancelled', updated_at: trx.fn.now(), version: trx.raw('version + 1') });
}
