import type { Knex } from 'knex';
import { type RuleViolation, serviceTimeViolations } from '../domain/service-rules.js';
import { type Msg, msg } from '../core/messages.js';
import { AppError, conflict } from '../core/errors.js';
import type { Settings } from '../settings/repository.js';

/** The broken rules one after another, in either language. */
export const violationsText = (violations: readonly RuleViolation[]): Msg =>
  violations.slice(1).reduce<Msg>((text, v) => msg('sentences', { first: text, next: v.text }), violations[0]!.text);

/** Refuses a planned time outside the service rules, naming each broken rule in Japanese. */
export function assertServiceTime(
  start: string | Date | null | undefined,
  end: string | Date | null | undefined,
  settings: Settings,
  field = 'start_at',
): void {
  if (start == null && end == null) return;
  if (start == null || end == null) {
    throw new AppError('validation', 'request.both_times', { [start == null ? 'start_at' : 'end_at']: 'request.both_times' });
  }
  const violations = serviceTimeViolations(new Date(start), new Date(end), settings);
  if (violations.length) {
    const message = violationsText(violations);
    const endRule = violations.every((v) => v.rule === 'max_duration' || v.rule === 'order');
    throw new AppError('validation', message, { [endRule && field === 'start_at' ? 'end_at' : field]: message });
  }
}

/**
 * A request needs a resident who is still served: never an archived one, and while only members
 * are served, never a general resident.
 */
export async function assertEligible(trx: Knex.Transaction, clientId: unknown, settings: Settings): Promise<void> {
  if (clientId == null) return;
  const client = await trx('clients').where('id', clientId).first('eligibility', 'archived_at');
  if (client?.archived_at) {
    throw conflict('request.client_archived');
  }
  if (settings.eligibility_mode === 'open') return;
  if (client?.eligibility === 'general') {
    throw conflict('request.members_only');
  }
}
