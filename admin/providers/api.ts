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

/** What fetchJson throws: the status, the server's sentence and its field errors. */
export type ApiError = { status?: number; message?: string; body?: { message?: string; errors?: Record<string, string> } };

/** The server's sentence for a failed call, or react-admin's generic one. */
export const apiErrorMessage = (error: unknown): string => {
  const e = error as ApiError;
  return e?.body?.message ?? e?.message ?? 'ra.notification.http_error';
};

/** The server's message for each field it refused (`errors` in its answer), if any. */
export const fieldErrors = (error: unknown): Record<string, string> | undefined => (error as ApiError)?.body?.errors;
