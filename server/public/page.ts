import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Response, Router } from 'express';
import type { Knex } from 'knex';
import { readSettings } from '../settings/repository.js';
import { CATALOGUES, type FormLang, isFormLang, RTL_LANGS } from './i18n/index.js';
import { requestedLang } from './routes.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The `lang` attribute for a form language (やさしい日本語 is Japanese to a browser and a screen reader). */
export const htmlLang = (lang: FormLang) => (lang === 'ja-easy' ? 'ja' : lang);

/**
 * The page's Content-Security-Policy: nothing but its own files and its own API; framed only
 * by itself and the origins in the settings (form_allowed_origins).
 */
export function formPagePolicy(frameOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${["'self'", ...frameOrigins].join(' ')}`,
  ].join('; ');
}

/**
 * GET /request and /request/<lang> (/request/vi, /request/fa-AF): the residents' form, in the
 * language of the path, else ?lang=, else the browser's Accept-Language. The built page gets
 * its lang, dir and title here, so it is right before any script runs.
 */
export function formPageRouter(db: Knex, staticDir: string): Router {
  // Pages, not API routes (so not in the OpenAPI description): declared on `pages`.
  const pages = Router();
  const send = async (res: Response, lang: FormLang) => {
    const html = await readFile(path.resolve(staticDir, 'request', 'index.html'), 'utf8');
    const settings = await readSettings(db);
    const dir = RTL_LANGS.includes(lang) ? 'rtl' : 'ltr';
    const page = html
      .replace(/<html[^>]*>/, `<html lang="${htmlLang(lang)}" dir="${dir}" data-form-lang="${lang}">`)
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(CATALOGUES[lang].title)}</title>`);
    res.set('Cache-Control', 'no-cache');
    res.set('Content-Language', htmlLang(lang));
    res.vary('Accept-Language');
    res.set('Content-Security-Policy', formPagePolicy(settings.form_allowed_origins));
    // frame-ancestors decides who may frame the page; the older header would forbid every other site.
    if (settings.form_allowed_origins.length) res.removeHeader('X-Frame-Options');
    res.type('html').send(page);
  };
  pages.get('/request', async (req, res) => {
    const query = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    await send(res, requestedLang(query, req.get('accept-language')));
  });
  pages.get('/request/:lang', async (req, res, next) => {
    const lang = req.params.lang;
    if (!isFormLang(lang)) return next();
    await send(res, lang);
  });
  return pages;
}
