import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { ELIGIBILITY_MODES } from '../domain/enums.js';
import { audit, changedFields } from '../core/audit.js';
import { AppError, staleVersion } from '../core/errors.js';
import { enumOf } from '../core/fields.js';
import { actor, guard } from '../http/guard.js';
import { serializeRow } from '../core/serialize.js';
import { parseWith } from '../core/validate.js';
import { readSettings } from './repository.js';
import { schemaText } from '../core/messages.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻は HH:MM で入力してください。');

export const SettingsSchema = z
  .object({
    eligibility_mode: enumOf(ELIGIBILITY_MODES),
    service_weekdays: z
      // Monday 1 … Saturday 6, as volunteers' availability: the service is closed on Sundays.
      .array(z.number().int().min(1, '曜日は 1 (月) 〜 6 (土) です。').max(6, '曜日は 1 (月) 〜 6 (土) です。'), {
        error: '曜日を選んでください。',
      })
      .min(1, '曜日を一つ以上選んでください。')
      .transform((d) => [...new Set(d)].sort()),
    service_start: HHMM,
    service_end: HHMM,
    max_activity_minutes: z.number().int().min(15).max(1440),
    closed_on_public_holidays: z.boolean(),
    id_check_valid_months: z.number().int().min(1).max(120),
    small_count_threshold: z.number().int().min(1).max(100),
    travel_gap_minutes: z.number().int().min(0).max(600),
    max_expense_yen: z
      .number({ error: '費用の上限を円単位の整数で入力してください。' })
      .int('費用の上限は 1 円単位の整数で入力してください。')
      .min(1, '費用の上限は 1 円以上にしてください。')
      .max(1_000_000, '費用の上限は 1,000,000 円以下にしてください。'),
    totp_required_for_all: z.boolean({ error: '二段階認証の設定は はい／いいえ で選んでください。' }),
    retention_request_years: z.number().int().min(1, '保存期間は 1〜30 年です。').max(30, '保存期間は 1〜30 年です。'),
    retention_client_years: z.number().int().min(1, '保存期間は 1〜30 年です。').max(30, '保存期間は 1〜30 年です。'),
    retention_volunteer_years: z.number().int().min(1, '保存期間は 1〜30 年です。').max(30, '保存期間は 1〜30 年です。'),
    audit_retention_years: z.number().int().min(1, '保存期間は 1〜30 年です。').max(30, '保存期間は 1〜30 年です。'),
    reminder_hour: z.number({ error: 'お知らせの時刻は 0〜23 の数で入力してください。' }).int().min(0).max(23),
    // Sites that may embed the residents' form: scheme, host and optional port, nothing else.
    form_allowed_origins: z
      .array(
        z
          .string()
          .trim()
          .regex(
            /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i,
            'フォームを埋め込めるサイトは https://npo.example のように、スキームとホスト (とポート) だけで入力してください。',
          )
          // The pattern lets through what URL refuses (a port over 65535, a host of dots): a 400 too.
          .transform((o, ctx) => {
            const origin = URL.canParse(o) ? new URL(o).origin : undefined;
            if (origin && origin !== 'null') return origin;
            ctx.addIssue({ code: 'custom', message: schemaText('settings.origin_invalid', { origin: o }) });
            return z.NEVER;
          }),
        { error: 'フォームを埋め込めるサイトは一覧で指定してください。' },
      )
      .max(20, 'フォームを埋め込めるサイトは 20 件までです。')
      .transform((list) => [...new Set(list)]),
  })
  .partial()
  .strict();

// closed_dates are shown with the settings but changed as their own records (/api/closed-dates).
const READ_ONLY = ['id', 'version', 'updated_at', 'closed_dates'];

/** GET/PUT /api/settings: one row of service-wide rules, changed by an admin. */
export function settingsRouter(db: Knex): Router {
  const router = Router();
  router.get('/', guard('settings', 'show'), async (_req, res) => {
    res.json(serializeRow({ id: 1, ...(await readSettings(db)) }));
  });
  router.put('/', guard('settings', 'edit'), async (req, res) => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      throw new AppError('validation', 'json_object_required');
    }
    const body: Record<string, unknown> = req.body;
    const version = body.version;
    const patch = parseWith(
      SettingsSchema,
      Object.fromEntries(Object.entries(body).filter(([k]) => !READ_ONLY.includes(k))),
      'noun.settings',
    );
    const row = await db.transaction(async (trx) => {
      const current = await trx('settings').where('id', 1).forUpdate().first();
      if (version !== undefined && version !== current.version) throw staleVersion();
      const merged = { ...current, ...patch };
      if (merged.service_start >= merged.service_end) {
        throw new AppError('validation', 'end_after_start_time', {
          service_end: 'end_after_start_time',
        });
      }
      const changed = changedFields({ ...current, service_weekdays: current.service_weekdays.map(Number) }, patch);
      await trx('settings')
        .where('id', 1)
        .update({ ...patch, version: current.version + 1, updated_at: trx.fn.now() });
      // Requiring a second factor of everyone ends the sessions of those who signed in without
      // one: they sign in again, and enrol then.
      if (patch.totp_required_for_all && !current.totp_required_for_all) {
        await trx('sessions').whereNotIn('staff_id', trx('staff_totp').whereNotNull('enabled_at').select('staff_id')).delete();
      }
      await audit(trx, {
        staff_id: actor(req).id,
        action: 'update',
        resource: 'settings',
        record_id: 1,
        changed_fields: changed,
        details: patch,
      });
      return readSettings(trx);
    });
    res.json(serializeRow({ id: 1, ...row }));
  });
  return router;
}
