import { API_URL, httpClient } from './dataProvider';

/**
 * The calls outside ra-data-simple-rest (status moves, candidates, balances, settling, the
 * second factor, sessions, settings, reports). They share the data provider's client: same
 * cookie, same HttpError with the server's message and field errors.
 */
const send = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, body === undefined ? { method } : { method, body: JSON.stringify(body) })).json as T;

export const getJson = <T>(path: string): Promise<T> => send<T>('GET', path);

export const postJson = <T>(path: string, body: unknown = {}): Promise<T> => send<T>('POST', path, body);

export const putJson = <T>(path: string, body: unknown): Promise<T> => send<T>('PUT', path, body);

export const deleteJson = <T>(path: string): Promise<T> => send<T>('DELETE', path);

export { apiErrorMessage, fieldErrors, type ApiError } from './json';
