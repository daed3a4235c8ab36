import { AUDIT_ACTIONS } from '../domain/enums.js';
import { readOnlyResource } from '../core/resource.js';

export const auditLog = readOnlyResource({
  name: 'audit-log',
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
  },
});
