import { feedbackLinkRouter, feedbackPageRouter, requestFollowUpRouter } from './messages/feedback.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import helmet from 'helmet';
import { mySessionsRouter } from './auth/my-sessions.js';
import { authRouter, passwordRouter } from './auth/routes.js';
import { SessionStore } from './auth/session-store.js';
import { TotpService, type Clock } from './auth/totp.js';
import { secondFactorStep, totpResetRouter, totpRouter } from './auth/totp-routes.js';
import { auditLog } from './audit-log/resource.js';
import type { Db } from './db/index.js';
import { ResourceRepository } from './core/repository.js';
import { ResourceService } from './core/service.js';
import { crudRouter } from './http/crud.js';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { PEOPLE } from './people/duplicates.js';
import { duplicatesRoute } from './people/routes.js';
import { clients } from './clients/resource.js';
import { anonymiseRouter } from './clients/anonymise.js';
import { consentsRouter } from './clients/consents.js';
import { volunteers } from './volunteers/resource.js';
import { volunteerAnonymiseRouter } from './volunteers/anonymise.js';
import { disclosureRouter } from './disclosure/package.js';
import { retentionRouter } from './retention/routes.js';
import { idChecks } from './id-checks/resource.js';
import { requestEvents } from './request-events/resource.js';
import { settingsRouter } from './settings/routes.js';
import { supportRequests } from './support-requests/resource.js';
import { statusRouter } from './support-requests/status.js';
import { warningsRouter } from './support-requests/warnings.js';
import { municipalityNotesRouter } from './municipalities/notes.js';
import { spamRouter } from './support-requests/spam.js';
import { assignments } from './assignments/resource.js';
import { messageRouter } from './assignments/message.js';
import { matchingRouter } from './matching/routes.js';
import { activityReports } from './activity-reports/resource.js';
import { followUpRouter } from './activity-reports/follow-ups.js';
import { expenses } from './expenses/resource.js';
import { balanceRouter, expenseRouter } from './expenses/routes.js';
import { exportsRouter } from './exports/routes.js';
import { importRouter } from './imports/routes.js';
import { reportsRouter } from './reports/routes.js';
import { publicRouter } from './public/routes.js';
import { publicOrigin } from './public/origin.js';
import { formPageRouter } from './public/page.js';
import { jsonOnly, sameOriginWrites } from './http/origin.js';
import type { ResourceConfig } from './core/resource.js';
import { sessionMiddleware } from './http/session.js';
import { requestLogger } from './http/request-log.js';
import { createLogger, type Logger } from './log.js';
import { municipalities } from './municipalities/resource.js';
import { buildOpenApi } from './openapi.js';
import { customPaths } from './openapi-routes.js';
import { partners } from './partners/resource.js';
import { closedDates } from './closed-dates/resource.js';
import { closedBetweenRouter } from './closed-dates/routes.js';
import { staffResource } from './staff/resource.js';
import { Outbox } from './messages/outbox.js';
import { setPublicBaseUrl } from './messages/base-url.js';
import { messageActionsRouter, messages } from './messages/resource.js';
import { offerRouter, volunteerLinkRouter } from './messages/offer.js';
import { volunteerPageRouter } from './public/volunteer-page.js';
import { selfReportRouter, selfReports } from './messages/self-report.js';
import { calendarFeedRouter, calendarRouter } from './calendar/routes.js';
import { homeRouter } from './home/routes.js';

export type AppOptions = {
  sessionSecret: string;
  sessionHours?: number;
  /** A session ends this many days after it started, however much it is used. */
  sessionMaxDays?: number;
  cookieSecure?: boolean;
  trustProxy?: boolean;
  /** The built console; served at / when it exists. */
  staticDir?: string;
  /** Where the request lines and errors go; default: JSON lines on stdout at level info. */
  logger?: Logger;
  /** Also told of every 5xx error, unserialised (tests collect them). */
  log?: (err: unknown) => void;
  /** Where PGlite exports are written before they are sent (default: a folder in the OS temp dir). */
  exportSpoolDir?: string;
  /** The clock TOTP codes and login challenges are checked against; tests set their own. */
  now?: Clock;
  /**
   * The outbox's delivery (started by the caller: the server's start-up, or a test). Without
   * one, messages are still written and wait, queued, for a server that delivers them.
   */
  outbox?: Outbox;
};

export const JSON_LIMIT = '1mb';

/** The whole HTTP application, without listen(): tests drive it through supertest. */
export function buildApp(db: Db, options: AppOptions): express.Express {
  const knex = db.knex;
  const sessions = new SessionStore(options.sessionSecret, options.sessionHours ?? 12, options.sessionMaxDays ?? 7);
  const app = express();
  app.use(requestLogger(options.logger ?? createLogger()));
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'style-src': ["'self'", "'unsafe-inline'"],
          'font-src': ["'self'", 'data:'],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: options.cookieSecure ? undefined : false,
    }),
  );

  const outbox =
    options.outbox ??
    new Outbox(db, { mail: { from: 'スポットおとなりさん <no-reply@otonari.invalid>', publicBaseUrl: 'http://localhost:3000' } });
  setPublicBaseUrl(outbox.mail.publicBaseUrl);
  const afterWrite = () => outbox.dispatch();
  const now = options.now ?? (() => new Date());

  const resources: ResourceConfig[] = [
    supportRequests,
    assignments,
    activityReports,
    expenses,
    requestEvents,
    partners,
    closedDates,
    clients,
    volunteers,
    idChecks,
    staffResource(sessions),
    municipalities,
    auditLog,
    messages,
    selfReports,
  ];
  const services = new Map(resources.map((config) => [config.name, new ResourceService(knex, new ResourceRepository(config))]));
  const requestService = services.get('support-requests')!;
  const assignmentService = services.get('assignments')!;
  const linkServices = {
    assignments: assignmentService,
    activityReports: services.get('activity-reports')!,
    expenses: services.get('expenses')!,
  };

  const api = Router();
  // Any write may have put messages in the outbox: hand them to the queue once it is answered.
  api.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') res.once('finish', afterWrite);
    next();
  });
  api.get('/health', async (req, res) => {
    try {
      await knex.raw('select 1');
      res.json({ status: 'ok', database: db.engine });
    } catch (err) {
      res.err = err instanceof Error ? err : new Error(String(err)); // for the request's log line, through serializeError
      // The usual error shape, plus the fields a monitor reads.
      res.status(503).json({
        error: 'unavailable',
        message: 'データベースに接続できません。',
        request_id: req.id,
        status: 'unavailable',
        database: db.engine,
      });
    }
  });
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use('/public', publicOrigin(knex));
  api.use(sameOriginWrites);
  api.use(jsonOnly);
  api.use(express.json({ limit: JSON_LIMIT, strict: false }));
  // The residents' form needs no session: mounted before it, so it never reads or sets a cookie.
  api.use('/public', publicRouter(knex));
  // A volunteer's personal link: the token is the key, no session.
  api.use('/volunteer-links', volunteerLinkRouter(linkServices, { now, afterWrite }));
  // A resident's feedback link: the token is the key, no session.
  api.use('/feedback-links', feedbackLinkRouter(knex, now));
  // A coordinator's calendar feed, subscribed to from a phone: the secret in the address is the key.
  api.use('/calendar', calendarFeedRouter(knex));
  api.use(sessionMiddleware(knex, sessions));
  api.use('/imports', importRouter(knex));

  const totpOptions = { totp: new TotpService(knex, options.sessionSecret, options.now), sessions, cookieSecure: options.cookieSecure };
  const authOptions = { db: knex, sessions, cookieSecure: options.cookieSecure, secondFactor: secondFactorStep(totpOptions) };
  api.use('/auth', authRouter(authOptions));
  api.use('/auth', mySessionsRouter(authOptions));
  api.use('/auth', totpRouter(totpOptions));
  api.use('/staff', passwordRouter(authOptions));
  api.use('/staff', totpResetRouter(totpOptions));

  api.use('/settings', settingsRouter(knex));
  api.use('/clients', duplicatesRoute(knex, PEOPLE.clients));
  api.use('/volunteers', duplicatesRoute(knex, PEOPLE.volunteers));
  api.use('/support-requests', requestFollowUpRouter(knex));
  api.use('/support-requests', matchingRouter(knex));
  api.use('/support-requests', balanceRouter(knex));
  api.use('/support-requests', warningsRouter(knex));
  api.use('/municipalities', municipalityNotesRouter(knex));
  api.use('/expenses', expenseRouter(knex));
  api.use('/closed-dates', closedBetweenRouter(knex));
  api.use('/activity-reports', followUpRouter(knex, requestService));
  api.use('/assignments', messageRouter(knex));
  api.use('/assignments', offerRouter(assignmentService, { publicBaseUrl: outbox.mail.publicBaseUrl, now, afterWrite }));
  api.use('/messages', messageActionsRouter(knex, afterWrite));
  api.use('/self-reports', selfReportRouter(linkServices, now));
  api.use('/calendar', calendarRouter(knex));
  api.use('/clients', anonymiseRouter(knex, services.get('clients')!));
  api.use('/volunteers', volunteerAnonymiseRouter(knex, services.get('volunteers')!));
  api.use('/clients', disclosureRouter(knex, 'clients'));
  api.use('/volunteers', disclosureRouter(knex, 'volunteers'));
  api.use('/retention', retentionRouter(knex));
  api.use('/clients', consentsRouter(knex, services.get('clients')!));
  api.use(
    '/support-requests',
    statusRouter(knex, (row, role) => requestService.serialize(row, role)),
  );
  api.use(
    '/support-requests',
    spamRouter(knex, (row, role) => requestService.serialize(row, role)),
  );
  for (const [name, service] of services) api.use(`/${name}`, crudRouter(service));
  // The home screen's numbers and the menu's badges, one answer each.
  api.use(homeRouter(knex, services, now));
  api.use('/reports', reportsRouter(knex));
  api.use('/exports', exportsRouter(knex, db.engine, services, options.exportSpoolDir));
  const openApi = buildOpenApi(resources, { paths: customPaths(), schemas: {} });
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.use(apiNotFound);
  app.use('/api', api);

  app.use('/v', volunteerPageRouter(linkServices, { now, afterWrite }));
  app.use('/f', feedbackPageRouter(knex, now));

  const staticDir = options.staticDir;
  if (staticDir && existsSync(path.join(staticDir, 'index.html'))) {
    app.use(formPageRouter(knex, staticDir));
    app.use(express.static(staticDir, { index: false, maxAge: '1h' }));
    // Client-side routes of the console all load its one page.
    app.get('/{*splat}', (_req, res) => {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(path.resolve(staticDir, 'index.html'));
    });
  }
  app.use(errorHandler(options.log));
  return app;
}
