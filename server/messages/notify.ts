import { createEvent } from 'ics';
import type { WriteContext } from '../core/context.js';
import { tokyoParts } from '../domain/time.js';
import { assignmentFacts, type AssignmentFacts } from './facts.js';
import { residentText } from './resident-texts.js';
import { cancelPending, queueMessage } from './store.js';
import { cancellationText, confirmationText, reminderText, reportRequestText } from './texts.js';
import { createLink, revokeLinks } from './links.js';
import { linkUrl } from './base-url.js';

const HOUR = 60 * 60 * 1000;

/** The .ics of a confirmed activity (UTC times; calendar apps show them in local time). */
export function activityCalendar(f: AssignmentFacts): string | null {
  if (!f.start_at || !f.end_at) return null;
  const { error, value } = createEvent({
    uid: `assignment-${f.assignment_id}@spot-otonari`,
    start: f.start_at.getTime(),
    end: f.end_at.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `スポットおとなりさん ${f.request_no}`,
    description: confirmationText(f).body,
    location: f.mode === 'online' ? 'オンライン' : [f.ward, f.place].filter(Boolean).join(' '),
    productId: 'spot-otonari/backoffice',
  });
  if (error || !value) throw error ?? new Error('calendar could not be built');
  return value;
}

/** reminder_hour (Japan time) of the day before the activity; at once if that has passed. */
export function reminderTime(start: Date, reminderHour: number, now: Date): Date {
  const { date } = tokyoParts(start);
  const dayBefore = new Date(Date.parse(`${date}T00:00:00+09:00`) - 24 * HOUR + reminderHour * HOUR);
  return dayBefore > now ? dayBefore : now;
}

function residentFacts(f: AssignmentFacts) {
  return {
    name: f.client_name ?? '',
    start_at: f.start_at,
    end_at: f.end_at,
    where: [f.ward, f.place].filter(Boolean).join(' ') || null,
    online: f.mode === 'online',
    volunteer: f.volunteer_name ? String(f.volunteer_name).split(/[\s　]+/)[0]! : null,
  };
}

/**
 * Confirming an assignment: the volunteer gets the full details with an .ics file, the resident
 * (with an e-mail address) a confirmation in their language, and both a reminder the day before.
 */
export async function notifyConfirmed(ctx: WriteContext, assignmentId: number): Promise<void> {
  const { trx } = ctx;
  const f = await assignmentFacts(trx, assignmentId);
  if (!f?.start_at) return;
  await cancelPending(trx, assignmentId, ['confirmation', 'resident_confirmation', 'reminder', 'resident_reminder', 'report_request']);
  await revokeLinks(trx, assignmentId, 'report');
  const base = { request_id: f.request_id, assignment_id: f.assignment_id };
  const toVolunteer = { ...base, volunteer_id: f.volunteer_id, address: f.volunteer_email, language: 'ja' };
  await queueMessage(trx, { ...toVolunteer, kind: 'confirmation', ...confirmationText(f), calendar: activityCalendar(f) });
  const settings = await ctx.settings();
  const at = reminderTime(f.start_at, settings.reminder_hour ?? 18, ctx.now());
  if (at < f.start_at) await queueMessage(trx, { ...toVolunteer, kind: 'reminder', ...reminderText(f), send_after: at });
  // When the activity ends: a link to report it (open for 14 days after the end).
  if (f.end_at) {
    const token = await createLink(trx, {
      purpose: 'report',
      request_id: f.request_id,
      assignment_id: f.assignment_id,
      created_by: ctx.actor.id,
      now: f.end_at,
    });
    await queueMessage(trx, { ...toVolunteer, kind: 'report_request', ...reportRequestText(f, linkUrl(token)), send_after: f.end_at });
  }
  if (f.client_email && f.client_id) {
    const toResident = { ...base, client_id: f.client_id, address: f.client_email };
    const confirmation = residentText('confirmation', f.client_language, residentFacts(f));
    await queueMessage(trx, { ...toResident, kind: 'resident_confirmation', ...confirmation });
    if (at < f.start_at) {
      const reminder = residentText('reminder', f.client_language, residentFacts(f));
      await queueMessage(trx, { ...toResident, kind: 'resident_reminder', ...reminder, send_after: at });
    }
  }
}

/** Cancelling a confirmed assignment: word to whoever had been told, and no more reminders. */
export async function notifyCancelled(ctx: WriteContext, assignmentId: number): Promise<void> {
  const { trx } = ctx;
  const f = await assignmentFacts(trx, assignmentId);
  if (!f) return;
  await cancelPending(trx, assignmentId, ['reminder', 'resident_reminder', 'confirmation', 'resident_confirmation', 'report_request']);
  await revokeLinks(trx, assignmentId, 'report');
  const told = await trx('messages')
    .where('assignment_id', assignmentId)
    .whereIn('kind', ['confirmation', 'resident_confirmation', 'offer'])
    .whereNotIn('status', ['cancelled'])
    .distinct('kind');
  const kinds = new Set(told.map((r: { kind: string }) => r.kind));
  const base = { request_id: f.request_id, assignment_id: f.assignment_id };
  if (kinds.has('confirmation') || kinds.has('offer')) {
    await queueMessage(trx, {
      ...base,
      volunteer_id: f.volunteer_id,
      address: f.volunteer_email,
      language: 'ja',
      kind: 'cancellation',
      ...cancellationText(f),
    });
  }
  if (kinds.has('resident_confirmation') && f.client_email && f.client_id) {
    const text = residentText('cancellation', f.client_language, residentFacts(f));
    await queueMessage(trx, { ...base, client_id: f.client_id, address: f.client_email, kind: 'resident_cancellation', ...text });
  }
}
