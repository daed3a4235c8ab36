import type { Knex } from 'knex';
import { serviceTimeViolations } from '../domain/service-rules.js';
import { AppError, conflict } from '../core/errors.js';
import type { Settings } from '../settings/repository.js';

/** Refuses a planned time outside the service rules, naming each broken rule in Japanese. */
export function assertServiceTime(
  start: string | Date | null | undefined,
  end: string | Date | null | undefined,
  settings: Settings,
  field = 'start_at',
): void {
  if (start == null && end == null) return;
  if (start == null || end == null) {
    throw new AppError('validation', '開始日時と終了日時は両方入力してください。', {
      [start == null ? 'start_at' : 'end_at']: '開始日時と終了日時は両方入力してください。',
    });
  }
  const violations = serviceTimeViolations(new Date(start), new Date(end), settings);
  if (violations.length) {
    const message = violations.map((v) => v.message).join(' ');
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
    throw conflict(
      'この利用者はアーカイブ済みのため、依頼を登録・紐付けできません。利用を再開する場合は、先に利用者のアーカイブを解除してください。',
    );
  }
  if (settings.eligibility_mode === 'open') return;
  if (client?.eligibility === 'general') {
    throw conflict(
      '現在は OFP 会員と関連団体からの紹介の方のみ受け付けています (設定: 会員のみ)。この利用者の資格は「一般」のため、依頼を登録できません。',
    );
  }
}
