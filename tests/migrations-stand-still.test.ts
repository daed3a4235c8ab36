import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationSource } from '../migrations/index.js';
import * as enums from '../server/domain/enums.js';
import type { Db } from '../server/db/index.js';
import { createTestDb } from './helpers/db.js';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');
const migrationFiles = () => readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{14}_.+\.ts$/.test(f));

/** Which enumeration each CHECK-constrained column must follow. */
const CHECKED_COLUMNS: Record<string, readonly string[]> = {
  'staff.role': enums.ROLES,
  'audit_log.action': enums.AUDIT_ACTIONS,
  'settings.eligibility_mode': enums.ELIGIBILITY_MODES,
  'clients.japanese_level': enums.JAPANESE_LEVELS,
  'clients.eligibility': enums.ELIGIBILITIES,
  'volunteers.status': enums.VOLUNTEER_STATUSES,
  'volunteers.task_types': enums.TASK_TYPES,
  'id_checks.method': enums.ID_CHECK_METHODS,
  'id_checks.document_type': enums.ID_DOCUMENT_TYPES,
  'id_checks.result': enums.ID_CHECK_RESULTS,
  'support_requests.channel': enums.CHANNELS,
  'support_requests.category': enums.CATEGORIES,
  'support_requests.task_type': enums.TASK_TYPES,
  'support_requests.mode': enums.MODES,
  'support_requests.status': enums.REQUEST_STATUSES,
  'request_events.kind': enums.REQUEST_EVENT_KINDS,
  'request_events.party': enums.EVENT_PARTIES,
  'request_events.from_status': enums.REQUEST_STATUSES,
  'request_events.to_status': enums.REQUEST_STATUSES,
  'assignments.status': enums.ASSIGNMENT_STATUSES,
  'activity_reports.outcome': enums.OUTCOMES,
  'expenses.kind': enums.EXPENSE_KINDS,
  'expenses.settlement_method': enums.SETTLEMENT_METHODS,
  'login_challenges.purpose': enums.LOGIN_CHALLENGE_PURPOSES,
  'volunteers.gender': enums.GENDERS,
  'support_requests.preferred_volunteer_gender': enums.PREFERRED_GENDERS,
  'messages.kind': enums.MESSAGE_KINDS,
  'messages.status': enums.MESSAGE_STATUSES,
  'volunteer_links.purpose': enums.LINK_PURPOSES,
  'volunteer_links.answer': enums.LINK_ANSWERS,
  'self_reports.outcome': enums.OUTCOMES,
  'consents.kind': enums.CONSENT_KINDS,
  'consents.action': enums.CONSENT_ACTIONS,
  'consents.method': enums.CONSENT_METHODS,
};

/** The quoted values of a CHECK definition that lists allowed values (IN or <@ ARRAY[…]). */
function listedValues(definition: string): string[] | undefined {
  if (!/= ANY|<@|\bIN\b/i.test(definition)) return undefined;
  const values = [...definition.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
  return values.length ? values : undefined;
}

describe('migrations stand still', () => {
  it('never import live server code: each keeps the values it was written with', () => {
    const offenders = [...migrationFiles(), '_columns.ts'].filter((file) =>
      /from\s+['"]\.\.\/server\//.test(readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8')),
    );
    expect(offenders, `these migrations import from server/; copy the values they need into the file instead`).toEqual([]);
  });

  it('are every one listed in migrations/index.ts', async () => {
    const listed = new Set(await migrationSource.getMigrations([]));
    const missing = migrationFiles()
      .map((f) => f.replace(/\.ts$/, ''))
      .filter((name) => !listed.has(name));
    expect(missing, `add these to migrations/index.ts, or they never run`).toEqual([]);
  });

  describe('CHECK constraints of the migrated database', () => {
    let db: Db;
    beforeAll(async () => {
      db = await createTestDb();
    });
    afterAll(() => db?.close());

    it('allow exactly the values of server/domain/enums.ts', async () => {
      const { rows } = await db.knex.raw<{ rows: { table: string; column: string; name: string; definition: string }[] }>(`
        select c.conrelid::regclass::text as "table", a.attname as "column", c.conname as name,
               pg_get_constraintdef(c.oid) as definition
        from pg_constraint c
        join pg_namespace n on n.oid = c.connamespace and n.nspname = current_schema()
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'c' and array_length(c.conkey, 1) = 1`);
      const problems: string[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const values = listedValues(row.definition);
        if (!values) continue;
        const key = `${row.table}.${row.column}`;
        seen.add(key);
        const expected = CHECKED_COLUMNS[key];
        if (!expected) {
          problems.push(`${key} (${row.name}) lists values but is not mapped to an enumeration in this test`);
          continue;
        }
        const missing = expected.filter((v) => !values.includes(v));
        const extra = values.filter((v) => !expected.includes(v));
        if (missing.length || extra.length) {
          problems.push(
            `${key}: the database ${missing.length ? `lacks ${missing.join(', ')}` : ''}${missing.length && extra.length ? ' and ' : ''}${extra.length ? `still allows ${extra.join(', ')}` : ''}. ` +
              `Write a migration that drops ${row.name} and adds it again with the new list (as 20261128002600_add_client_anonymisation does).`,
          );
        }
      }
      for (const key of Object.keys(CHECKED_COLUMNS))
        if (!seen.has(key)) problems.push(`${key} has no CHECK constraint listing its values`);
      expect(problems).toEqual([]);
    });
  });
});
