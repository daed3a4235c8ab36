import type { Knex } from 'knex';
import { buildSearchText } from '../domain/search.js';

type Intake = { name?: string; email?: string; phone?: string } | null | undefined;
type Client = { name: string; name_kana: string | null; client_no: string } | null | undefined;

/**
 * What a request is found by: its number (also by its digits, so "2026-00042" finds it), the
 * place, the web form's name, e-mail and phone, and the linked resident's names and number.
 */
export function requestSearchText(number: string, place: string | null | undefined, intake: Intake, client: Client): string {
  return buildSearchText([intake?.name, intake?.email, place, client?.name, client?.name_kana, client?.client_no], [number, intake?.phone]);
}

/** What roles without casework access find a request by: its number and its resident's names. */
export function requestBasicSearchText(number: string, client: Client): string {
  return buildSearchText([client?.name, client?.name_kana, client?.client_no], [number]);
}

/** The same for a resident: names and number, no contact details. */
export function clientBasicSearchText(client: NonNullable<Client>): string {
  return buildSearchText([client.name, client.name_kana, client.client_no]);
}

/** The stored web-form intake (jsonb: an object, or its text on some drivers), or null. */
export function parseIntake(value: unknown): Intake {
  const intake: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return intake && typeof intake === 'object' ? intake : null;
}

/** After a resident's names change, the requests that show them are found by the new ones. */
export async function refreshClientRequestsSearch(trx: Knex.Transaction, clientId: number): Promise<void> {
  const client: Client = await trx('clients').where('id', clientId).first('name', 'name_kana', 'client_no');
  const requests = await trx('support_requests').where('client_id', clientId).select('id', 'request_no', 'place', 'intake');
  for (const r of requests) {
    await trx('support_requests')
      .where('id', r.id)
      .update({
        search_text: requestSearchText(r.request_no, r.place, parseIntake(r.intake), client),
        search_basic: requestBasicSearchText(r.request_no, client),
      });
  }
}
