import { z } from 'zod';
import type { ResourceConfig } from './core/resource.js';

type Json = Record<string, unknown>;

const ERROR = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    errors: { type: 'object', additionalProperties: { type: 'string' } },
    request_id: { type: 'string', description: 'Also in the X-Request-Id header; quote it when reporting a problem.' },
  },
};

const listParams = [
  { name: 'sort', in: 'query', schema: { type: 'string' }, example: '["id","ASC"]' },
  { name: 'range', in: 'query', schema: { type: 'string' }, example: '[0,24]' },
  { name: 'filter', in: 'query', schema: { type: 'string' }, example: '{"q":"..."}' },
];

const errorResponses = (codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [c, { description: String(c), content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
  );

const toSchema = (schema: z.ZodType): Json => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/** The OpenAPI description, produced from the same zod schemas that validate requests. */
export function buildOpenApi(
  resources: ResourceConfig[],
  extra: { paths: Record<string, Json>; schemas: Record<string, z.ZodType> },
): Json {
  const paths: Record<string, Json> = {};
  const schemas: Json = { Error: ERROR };
  for (const r of resources) {
    const name = r.name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
    const ref = { $ref: `#/components/schemas/${name}Input` };
    if (r.createSchema) schemas[`${name}Input`] = toSchema(r.createSchema);
    if (r.updateSchema) schemas[`${name}Update`] = toSchema(r.updateSchema);
    const updateRef = r.updateSchema ? { $ref: `#/components/schemas/${name}Update` } : ref;
    const filterable = Object.keys(r.list.fields).concat(r.list.searchable ? ['q'] : [], Object.keys(r.list.custom ?? {}));
    const collection: Json = {
      get: {
        tags: [r.name],
        summary: `List ${r.name}. Sortable: ${r.list.sortable.join(', ')}. Filterable: ${filterable.join(', ')}.`,
        parameters: listParams,
        // Machine-readable for clients and the fuzz test: what `sort` and `filter` accept.
        'x-sortable': r.list.sortable,
        'x-filterable': Object.fromEntries([
          ...Object.entries(r.list.fields).map(([field, type]) => [field, typeof type === 'string' ? type : 'enum']),
          ...(r.list.searchable ? [['q', 'search']] : []),
          ...Object.keys(r.list.custom ?? {}).map((field) => [field, 'custom']),
        ]),
        responses: { 200: { description: 'Array of records; Content-Range header gives the total.' }, ...errorResponses([400, 401, 403]) },
      },
    };
    const item: Json = {
      get: { tags: [r.name], responses: { 200: { description: 'The record' }, ...errorResponses([401, 403, 404]) } },
    };
    if (!r.readOnly && r.createSchema) {
      collection.post = {
        tags: [r.name],
        requestBody: { content: { 'application/json': { schema: ref } } },
        responses: { 201: { description: 'Created' }, ...errorResponses([400, 401, 403, 409, 413, 415]) },
      };
      if (!r.noUpdate)
        item.put = {
          tags: [r.name],
          description: 'Partial body allowed; `version` (as read) is required; stale → 409.',
          requestBody: { content: { 'application/json': { schema: updateRef } } },
          responses: { 200: { description: 'Updated record' }, ...errorResponses([400, 401, 403, 404, 409]) },
        };
      item.delete = r.noDelete
        ? {
            tags: [r.name],
            description: 'Records of this kind are kept as history: always 409.',
            responses: errorResponses([401, 403, 409]),
          }
        : { tags: [r.name], responses: { 200: { description: 'The deleted record' }, ...errorResponses([401, 403, 404, 409]) } };
    }
    paths[`/api/${r.name}`] = collection;
    paths[`/api/${r.name}/{id}`] = item;
  }
  for (const [key, schema] of Object.entries(extra.schemas)) schemas[key] = toSchema(schema);
  return {
    openapi: '3.1.0',
    info: { title: 'Spot Otonari back-office API', version: '0.1.0' },
    // A path with both CRUD and custom operations keeps both.
    paths: Object.fromEntries(
      [...new Set([...Object.keys(paths), ...Object.keys(extra.paths)])].map((p) => [p, { ...paths[p], ...extra.paths[p] }]),
    ),
    components: { schemas },
  };
}
