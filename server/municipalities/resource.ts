import { z } from 'zod';
import { customFilter } from '../core/list-query.js';
import { normalizeForSearch } from '../domain/search.js';
import { text } from '../core/fields.js';
import { readOnlyResource } from '../core/resource.js';

/** Read-only reference data; its key is the 6-digit code, exposed as `id` for react-admin. */
export const municipalities = readOnlyResource({
  name: 'municipalities',
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
      q: customFilter({
        schema: text().max(100),
        apply: (qb, q: string) => {
          const likeOf = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          const like = likeOf(q.normalize('NFKC'));
          // Readings are stored in hiragana: メグロ, ﾒｸﾞﾛ and めぐろ all find 目黒区.
          const kana = likeOf(normalizeForSearch(q));
          qb.where((w) =>
            w.where('name_ja', 'like', like).orWhereILike('name_en', like).orWhere('name_kana', 'like', kana).orWhere('code', 'like', like),
          );
        },
      }),
    },
  },
});
