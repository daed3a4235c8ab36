import { z } from 'zod';
import { buildSearchText } from '../domain/search.js';
import { multilineText, optionalEmail, optionalPhone, optionalText, requiredText } from '../core/fields.js';
import { defineResource } from '../core/resource.js';

export const PartnerSchema = z.object({
  name: requiredText(200),
  contact_name: optionalText(200),
  phone: optionalPhone(),
  email: optionalEmail(),
  notes: multilineText(4000),
  archived_at: z.iso.datetime({ offset: true }).nullable().optional(),
  // Offered on the residents' form as "the organisation that referred you".
  show_on_form: z.boolean().default(false),
});

/** 関連団体: organisations that refer residents. The pattern every plain CRUD resource follows. */
export const partners = defineResource()({
  name: 'partners',
  schema: PartnerSchema,
  list: {
    table: 'partners',
    fields: {
      id: 'int',
      name: 'text',
      email: 'text',
      show_on_form: 'bool',
      archived_at: 'timestamp',
      created_at: 'timestamp',
      updated_at: 'timestamp',
    },
    sortable: ['id', 'name', 'contact_name', 'created_at', 'updated_at'],
    defaultSort: ['name', 'ASC'],
    searchable: true,
  },
  derive: (p) => ({
    search_text: buildSearchText([p.name, p.contact_name, p.email], [p.phone]),
  }),
  hasHistory: async (trx, id) => !!(await trx('clients').where('partner_id', id).first('id')),
});
