import { z } from 'zod';
import type { ResourceConfig } from '../http/resource.js';

/** Read-only reference data; its key is the 6-digit code, exposed as `id` for react-admin. */
export const municipalities: ResourceConfig = {
  name: 'municipalities',
  readOnly: true,
  idColumn: 'code',
  idSchema: z.string().regex(/^\d{6}$/, '6 桁の区市町村コードを指定してください。'),
  select: (knex) => [knex.raw('municipalities.code as id')],
  list: {
    table: 'municipalities',
    fields: { id: 'text', code: 'text', prefecture: 'text', in_service_area: 'bool', name_ja: 'text' },
    sortable: ['id', 'code', 'name_ja', 'name_en', 'prefecture'],
    defaultSort: ['code', 'ASC'],
    maxPageSize: 1000,
    columns: { id: 'code' },
    custom: {
      q: {
        schema: z.string().max(100),
        apply: (qb, q: string) => {
          const like = `%${q.normalize('NFKC').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          qb.where((w) => w.where('name_ja', 'like', like).orWhereILike('name_en', like).orWhere('name_kana', 'like', like).orWhere('code', 'like', like));
        },
      },
    },
  },
};
