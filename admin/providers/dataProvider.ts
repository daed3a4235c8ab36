import { fetchUtils } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';

export const API_URL = '/api';

/**
 * The session is an httpOnly cookie, so every call must carry credentials. fetchJson already
 * turns an error body {error, message, errors} into an HttpError whose message is the
 * server's sentence (shown in the notification) and whose body.errors reaches the form fields.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'include' });

export const dataProvider = simpleRestProvider(API_URL, httpClient);
