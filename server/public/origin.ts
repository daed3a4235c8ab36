import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { forbidden } from '../core/errors.js';
import { readSettings } from '../settings/repository.js';
import { formText, negotiateFormLang } from './i18n/index.js';
import { sameIn } from '../core/messages.js';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** The page's origin against the server's own (scheme, host and port). */
export function isSameOrigin(origin: string, protocol: string, host: string | undefined): boolean {
  if (!host || !/^[\w.-]+(:\d+)?$|^\[[\d:a-fA-F.]+\](:\d+)?$/.test(host)) return false;
  try {
    return new URL(origin).origin === new URL(`${protocol}://${host}`).origin;
  } catch {
    return false;
  }
}

/**
 * The residents' form may be posted from its own page, or from a page of an origin listed in
 * the settings (`form_allowed_origins`: the NPO's website embedding or re-creating it). Such an
 * origin gets CORS headers; any other browser origin is refused with 403 in the visitor's
 * language. Requests without Origin (scripts) pass, as for the rest of the API.
 */
export function publicOrigin(db: Knex): RequestHandler {
  return async (req, res, next) => {
    try {
      const origin = req.get('origin');
      const same = origin ? isSameOrigin(origin, req.protocol, req.get('host')) : req.get('sec-fetch-site') !== 'cross-site';
      if (same) {
        res.locals.originChecked = true;
        return next();
      }
      const allowed = !!origin && (await readSettings(db)).form_allowed_origins.includes(origin);
      if (!allowed) {
        // A read answers without CORS headers: the other site's page cannot see it.
        if (SAFE_METHODS.has(req.method)) return next();
        return next(forbidden(sameIn(formText(negotiateFormLang(req.get('accept-language')), 'err_origin'))));
      }
      res.set('Access-Control-Allow-Origin', origin);
      res.vary('Origin');
      if (req.method === 'OPTIONS') {
        res.set('Access-Control-Allow-Methods', 'GET, POST');
        res.set('Access-Control-Allow-Headers', 'Content-Type');
        res.set('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
      res.locals.originChecked = true;
      next();
    } catch (err) {
      next(err);
    }
  };
}
