import type { Knex } from 'knex';
import { z } from 'zod';
import { ROLES } from '../domain/enums.js';
import { rolesAllowed } from '../domain/roles.js';
import { hashPassword } from '../auth/password.js';
import type { SessionStore } from '../auth/session-store.js';
import { conflict, fieldError } from '../core/errors.js';
import { enumOf, requiredText } from '../core/fields.js';
import { kanaField } from '../people/rules.js';
import { defineResource, type ResourceConfig, type Stored } from '../core/resource.js';

export const PasswordSchema = z
  .string({ error: 'パスワードを入力してください。' })
  .min(10, 'パスワードは 10 文字以上にしてください。')
  .max(200, 'パスワードが長すぎます。');

const StaffFields = {
  email: z
    .email('メールアドレスの形式が正しくありません。')
    .max(254)
    .transform((v) => v.toLowerCase()),
  display_name: requiredText(100),
  name_kana: kanaField(),
  role: enumOf(ROLES),
  active: z.boolean().optional(),
};

export const StaffCreateSchema = z.object({ ...StaffFields, password: PasswordSchema });
export const StaffUpdateSchema = z.object(StaffFields).partial();
type StaffRecord = z.output<typeof StaffCreateSchema>;

async function emailTaken(trx: Knex.Transaction, email: string, exceptId?: number | string): Promise<boolean> {
  const q = trx('staff').whereRaw('lower(email) = ?', [email.toLowerCase()]);
  if (exceptId !== undefined) q.whereNot('id', exceptId);
  return !!(await q.first('id'));
}

/** Who administers the system: the roles that may manage staff accounts. */
const administers = (role: unknown) => rolesAllowed('staff', 'edit').some((r) => r === role);

/** Refuses a change that would leave nobody able to administer the system. */
async function keepOneAdmin(trx: Knex.Transaction, record: Readonly<StaffRecord>, existing?: Stored<typeof StaffCreateSchema>) {
  if (!existing || !administers(existing.role) || !existing.active) return;
  if (administers(record.role) && record.active !== false) return;
  const others = await trx('staff')
    .whereIn('role', rolesAllowed('staff', 'edit'))
    .where('active', true)
    .whereNot('id', existing.id)
    .first('id');
  if (!others) throw conflict('staff.last_admin');
}

export function staffResource(sessions: SessionStore): ResourceConfig {
  return defineResource()({
    name: 'staff',
    schema: StaffCreateSchema,
    updateSchema: StaffUpdateSchema,
    writeOnlyFields: ['password'],
    // Whether the person signs in with a TOTP code; changed only through /api/auth/totp and the admin's reset.
    select: (knex) => [
      knex.raw('exists (select 1 from staff_totp t where t.staff_id = staff.id and t.enabled_at is not null) as totp_enabled'),
    ],
    readOnlyFields: ['totp_enabled'],
    noDelete: true,
    list: {
      table: 'staff',
      fields: { id: 'int', email: 'text', role: { enum: ROLES }, active: 'bool', display_name: 'text' },
      sortable: ['id', 'email', 'display_name', 'name_kana', 'role', 'active', 'created_at'],
      // 五十音 order by the reading; a name in kanji alone has no order people expect.
      defaultSort: ['name_kana', 'ASC'],
    },
    check: async (record, { trx }, existing) => {
      if (await emailTaken(trx, record.email, existing?.id)) {
        throw fieldError('email', 'staff.email_taken');
      }
      await keepOneAdmin(trx, record, existing);
    },
    derive: async (record, _ctx, existing) => (existing ? {} : { password_hash: await hashPassword(record.password) }),
    // Deactivating someone ends every session they have, at once; so does a new role, so that a
    // person who becomes an admin signs in again (with the second factor admins need).
    after: async (row, { trx }, existing) => {
      if ((existing?.active && !row.active) || (existing && existing.role !== row.role)) await sessions.destroyAllOf(trx, row.id);
    },
  });
}
