import { type DataProvider, fetchUtils } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

export const API_URL = '/api';

/**
 * The session is an httpOnly cookie, so every call must carry credentials. fetchJson already
 * turns an error body {error, message, errors} into an HttpError whose message is the
 * server's sentence (shown in the notification) and whose body.errors reaches the form fields.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'include' });

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
