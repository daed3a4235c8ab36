import { API_URL, httpClient } from '../providers/dataProvider';

/**
 * The few calls outside ra-data-simple-rest (status moves, candidates, balances, settling).
 * They share the data provider's client: same cookie, same HttpError with the server's
 * message and field errors.
 */
export const getJson = async <T,>(path: string): Promise<T> => (await httpClient(`${API_URL}${path}`)).json as T;

export const postJson = async <T,>(path: string, body: unknown = {}): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body) })).json as T;

/** What fetchJson throws: the status, the server's sentence and its field errors. */
export type ApiError = { status?: number; message?: string; body?: { message?: string; errors?: Record<string, string> } };

export const apiErrorMessage = (error: unknown): string => {
  const e = error as ApiError;
  return e?.body?.message ?? e?.message ?? 'ra.notification.http_error';
};
