import { API_URL, httpClient } from './dataProvider';

/**
 * The calls outside ra-data-simple-rest (status moves, candidates, balances, settling, the
 * second factor, sessions, settings, reports). They share the data provider's client: same
 * cookie, same HttpError with the server's message and field errors.
 */
const send = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, body === undefined ? { method } : { method, body: JSON.stringify(body) })).json as T;

export const getJson = <T>(path: string): Promise<T> => send<T>('GET', path);

/** A GET whose answer is a part of a list: the rows, and the whole list's size from X-Total-Count. */
export const getPart = async <T>(path: string): Promise<{ rows: T[]; total: number }> => {
  const { json, headers } = await httpClient(`${API_URL}${path}`, { method: 'GET' });
  const rows = json as T[];
  return { rows, total: Number(headers.get('X-Total-Count') ?? rows.length) };
};

export const postJson = <T>(path: string, body: unknown = {}): Promise<T> => send<T>('POST', path, body);

export const putJson = <T>(path: string, body: unknown): Promise<T> => send<T>('PUT', path, body);

export const deleteJson = <T>(path: string): Promise<T> => send<T>('DELETE', path);

export { apiErrorMessage, fieldErrors, type ApiError } from './json';
