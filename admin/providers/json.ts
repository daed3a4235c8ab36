import { currentLocale } from './i18nProvider';

/**
 * The JSON call and error helpers that need no react-admin, so the login page (loaded before
 * react-admin) can use them. Errors carry what react-admin's HttpError carries: the status, the
 * server's sentence as the message and its body (with field `errors`).
 */

/** What a failed call throws: the status, the server's sentence and its field errors. */
export type ApiError = { status?: number; message?: string; body?: { message?: string; errors?: Record<string, string> } };

export class JsonError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: ApiError['body'],
  ) {
    super(message);
  }
}

/**
 * One call to the API with the session cookie; the parsed answer, or a JsonError. The console's
 * own language goes with it, so the server's sentences (a refused sign-in…) come back in it.
 */
export const requestJson = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'include',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  if (!response.ok) {
    const answer = (json ?? {}) as NonNullable<ApiError['body']>;
    throw new JsonError(answer.message ?? response.statusText, response.status, answer);
  }
  return json as T;
};

/** The server's sentence for a failed call, or react-admin's generic one. */
export const apiErrorMessage = (error: unknown): string => {
  const e = error as ApiError;
  return e?.body?.message ?? e?.message ?? 'ra.notification.http_error';
};

/** The server's message for each field it refused (`errors` in its answer), if any. */
export const fieldErrors = (error: unknown): Record<string, string> | undefined => (error as ApiError)?.body?.errors;
