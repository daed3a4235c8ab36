import { z } from 'zod';
import { AUDIT_ACTIONS } from '../domain/enums.js';
import { customFilter } from '../core/list-query.js';
import { readOnlyResource } from '../core/resource.js';
import { text } from '../core/fields.js';

/** Records people know by a readable number: the number's prefix names the table it lives in. */
const NUMBERED = [
  { resource: 'clients', table: 'clients', column: 'client_no', prefix: 'C-' },
  { resource: 'volunteers', table: 'volunteers', column: 'volunteer_no', prefix: 'V-' },
  { resource: 'support-requests', table: 'support_requests', column: 'request_no', prefix: 'R-' },
] as const;

/** The readable number of the record an entry is about (C-00015), or a staff member's name. */
const RECORD_LABEL = `case audit_log.resource
  ${NUMBERED.map((n) => `when '${n.resource}' then (select r.${n.column} from ${n.table} r where r.id::text = audit_log.record_id)`).join('\n  ')}
  when 'staff' then (select s.display_name from staff s where s.id::text = audit_log.record_id)
  end`;

export const auditLog = readOnlyResource({
  name: 'audit-log',
  select: (knex) => [knex.raw(`(${RECORD_LABEL}) as record_label`)],
  list: {
    table: 'audit_log',
    fields: {
      id: 'int',
      at: 'timestamp',
      staff_id: 'int',
      action: { enum: AUDIT_ACTIONS },
      resource: 'text',
      record_id: 'text',
    },
    sortable: ['id', 'at', 'staff_id', 'action', 'resource'],
    defaultSort: ['at', 'DESC'],
    custom: {
      // 「C-00015 の記録を誰が見たか」: a readable number finds every entry about that record.
      record_no: customFilter({
        schema: text()
          .trim()
          .min(1)
          .max(30)
          .transform((v) => v.toUpperCase()),
        apply: (qb, no: string) => {
          const numbered = NUMBERED.find((n) => no.startsWith(n.prefix));
          if (!numbered) {
            qb.whereRaw('false');
            return;
          }
          qb.where('audit_log.resource', numbered.resource).whereRaw('audit_log.record_id in (select id::text from ?? where ?? = ?)', [
            numbered.table,
            numbered.column,
            no,
          ]);
        },
      }),
      // Entries that touched one field, e.g. reads of special-care notes.
      changed_field: customFilter({
        schema: z.string().regex(/^[a-z_]{1,60}$/, '項目名が正しくありません。'),
        apply: (qb, field: string) => {
          qb.whereRaw('? = any(audit_log.changed_fields)', [field]);
        },
      }),
    },
  },
});
