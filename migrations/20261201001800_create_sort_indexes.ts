import type { Knex } from 'knex';

/**
 * An index for every sort the lists of the large tables allow. A list page is ordered by the
 * chosen column, then by id, with NULLs first ascending and last descending; an index on
 * `(column NULLS FIRST, id)` serves that order forwards and backwards, so the first page of a
 * million requests reads 25 index entries instead of sorting the table. The single-column
 * indexes these replace are dropped (the new ones serve their lookups as well).
 * The sortable columns are frozen here as they were when this was written.
 */
const SORTS: Record<string, string[]> = {
  support_requests: [
    'request_no',
    'received_at',
    'start_at',
    'status',
    'category',
    'task_type',
    'municipality_code',
    'coordinator_id',
    'created_at',
    'updated_at',
  ],
  clients: ['client_no', 'name', 'name_kana', 'nationality', 'municipality_code', 'eligibility', 'created_at', 'updated_at'],
  volunteers: ['volunteer_no', 'name', 'name_kana', 'status', 'municipality_code', 'id_check_valid_until', 'created_at', 'updated_at'],
  assignments: ['start_at', 'status', 'request_id', 'volunteer_id', 'created_at', 'updated_at'],
  audit_log: ['at', 'staff_id', 'action', 'resource'],
  expenses: ['created_at', 'amount_yen', 'settled_on', 'request_id', 'kind'],
  activity_reports: ['actual_start_at', 'created_at', 'updated_at', 'outcome'],
  id_checks: ['checked_on', 'valid_until', 'volunteer_id', 'result', 'created_at'],
  request_events: ['at'],
};

const REPLACED: [table: string, column: string][] = [
  ['support_requests', 'received_at'],
  ['support_requests', 'start_at'],
  ['support_requests', 'coordinator_id'],
  ['support_requests', 'municipality_code'],
  ['clients', 'created_at'],
  ['clients', 'municipality_code'],
  ['volunteers', 'id_check_valid_until'],
  ['volunteers', 'status'],
  ['volunteers', 'municipality_code'],
  ['audit_log', 'at'],
  ['audit_log', 'staff_id'],
  ['id_checks', 'valid_until'],
  ['activity_reports', 'actual_start_at'],
];

const indexName = (table: string, column: string) => `${table}_${column}_sort`;

export async function up(knex: Knex): Promise<void> {
  for (const [table, columns] of Object.entries(SORTS)) {
    for (const column of columns) {
      await knex.raw(`create index ?? on ?? (?? nulls first, id)`, [indexName(table, column), table, column]);
    }
  }
  for (const [table, column] of REPLACED) await knex.raw('drop index if exists ??', [`${table}_${column}_index`]);
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, column] of REPLACED)
    await knex.raw('create index if not exists ?? on ?? (??)', [`${table}_${column}_index`, table, column]);
  for (const [table, columns] of Object.entries(SORTS)) {
    for (const column of columns) await knex.raw('drop index if exists ??', [indexName(table, column)]);
  }
}
