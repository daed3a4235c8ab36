import { type DataProvider, fetchUtils } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { currentLocale } from './i18nProvider';

export const API_URL = '/api';

/**
 * The session is an httpOnly cookie, so every call must carry credentials. fetchJson already
 * turns an error body {error, message, errors} into an HttpError whose message is the
 * server's sentence (shown in the notification) and whose body.errors reaches the form fields.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, headers: withLanguage(options.headers), credentials: 'include' });

/**
 * The server answers its sentences in the language asked for: the console always names its own,
 * so a browser set to English never turns a Japanese console's messages English (or back).
 */
export const withLanguage = (headers?: HeadersInit): Headers => {
  const out = new Headers(headers ?? { Accept: 'application/json' });
  out.set('Accept-Language', currentLocale());
  return out;
};

const simpleRest = simpleRestProvider(API_URL, httpClient);

/**
 * ra-data-simple-rest, plus what the list's `X-Total-Approximate` header says: past the count
 * the server does exactly, the total is an estimate, shown as such (`meta.totalApproximate`).
 */
export const dataProvider: DataProvider = {
  ...simpleRest,
  getList: async (resource, params) => {
    let approximate = false;
    const noting = (url: string, options?: fetchUtils.Options) =>
      httpClient(url, options).then((response) => {
        approximate = response.headers.get('X-Total-Approximate') === 'true';
        return response;
      });
    const result = await simpleRestProvider(API_URL, noting).getList(resource, params);
    return approximate ? { ...result, meta: { ...result.meta, totalApproximate: true } } : result;
  },
};
