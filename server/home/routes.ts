import { Router } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { applyFilter } from '../core/list-query.js';
import type { Row } from '../core/resource.js';
import type { ResourceService } from '../core/service.js';
import { parseWith } from '../core/validate.js';
import { REQUEST_STATUSES, type RequestStatus, type Role } from '../domain/enums.js';
import { ID_CHECK_WARNING_DAYS } from '../domain/id-checks.js';
import { monthPeriod } from '../domain/period.js';
import { CASEWORK, canAccess } from '../domain/roles.js';
import { tokyoDate } from '../domain/time.js';
import { actor, requireLogin } from '../http/guard.js';
import { periodFigures } from '../reports/stored.js';

type Clock = () => Date;
type Services = Map<string, ResourceService>;

/** The statuses the dashboard counts for everyone, and those of a coordinator's own work. */
export const WAITING: readonly RequestStatus[] = ['received', 'checking', 'matching', 'confirmed'];
export const MINE: readonly RequestStatus[] = ['received', 'checking', 'matching', 'confirmed', 'done'];

/**
 * Each card's list filter, as the console opens it: the numbers are counted with the lists' own
 * filters (applyFilter over the same ListSpec), so a card and its list cannot disagree.
 */
export function homeFilters(me: number, now: Date) {
  const day = (offset: number) => {
    const d = new Date(`${tokyoDate(now)}T00:00:00+09:00`);
    d.setUTCDate(d.getUTCDate() + offset);
    return `${tokyoDate(d)}T00:00:00+09:00`;
  };
  return {
    web_form_new: { resource: 'support-requests', filter: { channel: 'web_form', status: 'received' } },
    waiting_answer: { resource: 'assignments', filter: { status: ['proposed', 'contacted'] } },
    today: { resource: 'assignments', filter: { status: 'confirmed', start_at_gte: day(0), start_at_lt: day(1) } },
    tomorrow: { resource: 'assignments', filter: { status: 'confirmed', start_at_gte: day(1), start_at_lt: day(2) } },
    report_due: { resource: 'support-requests', filter: { coordinator_id: me, status: 'confirmed', end_at_lt: day(0) } },
    unseen_answers: { resource: 'assignments', filter: { unseen_answer: true } },
    outstanding: { resource: 'expenses', filter: { outstanding: true } },
    follow_ups: { resource: 'activity-reports', filter: { follow_up_open: true } },
    self_reports: { resource: 'self-reports', filter: { pending: true } },
    outbox_failed: { resource: 'messages', filter: { status: 'failed' } },
    outbox_held: { resource: 'messages', filter: { status: 'held' } },
    id_checks_due: { resource: 'volunteers', filter: { id_check_expires_within_days: ID_CHECK_WARNING_DAYS } },
  } as const;
}
type Card = keyof ReturnType<typeof homeFilters>;

const Count = z.number().int().min(0);
const CountCard = z.object({ count: Count, filter: z.record(z.string(), z.unknown()) });
const ItemSchema = z.record(z.string(), z.unknown());

export const DashboardResponse = z.object({
  requests_by_status: z.record(z.string(), Count).nullable(),
  my_work: z
    .object({
      web_form_new: CountCard,
      mine: z.record(z.string(), CountCard),
      waiting_answer: CountCard,
      today: CountCard,
      tomorrow: CountCard,
      report_due: CountCard,
    })
    .nullable(),
  outstanding: z.object({ count: Count, total_yen: z.number(), oldest_at: z.string().nullable() }).nullable(),
  follow_ups: z.object({ count: Count, items: z.array(ItemSchema) }).nullable(),
  self_reports: z.object({ count: Count, items: z.array(ItemSchema) }).nullable(),
  outbox: z.object({ failed: Count, held: Count }).nullable(),
  id_checks_due: z.object({ count: Count, within_days: Count, items: z.array(ItemSchema) }).nullable(),
  month: z.object({ month: z.string(), received: z.unknown(), matched: z.unknown(), outstanding_yen: z.unknown() }).nullable(),
});
export type Dashboard = z.infer<typeof DashboardResponse>;

export const BadgesResponse = z.object({
  web_inbox: Count.nullable(),
  unseen_answers: Count.nullable(),
  /** Every status's number of requests (the counters): the request list's status tabs show them. */
  requests_by_status: z.record(z.string(), Count).nullable(),
});
export type Badges = z.infer<typeof BadgesResponse>;

export const HomeQuery = z.object({}).strict();

/** Builds the one SELECT of many scalar sub-selects that answers every count of a screen. */
class Counts {
  private readonly columns: Knex.QueryBuilder[] = [];
  constructor(
    private readonly db: Knex,
    private readonly services: Services,
  ) {}

  /** `aggregate` over the rows a resource's list filter finds, as column `name`. */
  add(name: string, resource: string, filter: Record<string, unknown>, aggregate = 'count(*)'): void {
    const spec = this.services.get(resource)!.config.list;
    const qb = this.db(spec.table).select(this.db.raw(aggregate));
    applyFilter(qb, spec, filter);
    this.columns.push(qb.as(name));
  }

  /** Requests per status from the counters the database keeps, for one coordinator or all. */
  addRequestCounts(prefix: string, statuses: readonly RequestStatus[], coordinator?: number): void {
    for (const status of statuses) {
      const qb = this.db('support_request_counts').select(this.db.raw('coalesce(sum(n), 0)')).where('status', status);
      if (coordinator !== undefined) qb.where('coordinator_id', coordinator);
      this.columns.push(qb.as(`${prefix}${status}`));
    }
  }

  async run(): Promise<Record<string, unknown>> {
    if (!this.columns.length) return {};
    const [row] = await this.db.select(this.columns);
    return row ?? {};
  }
}

const num = (v: unknown) => Number(v ?? 0);

/** The first rows of a list as the list itself returns them to this role (hidden fields left out). */
type Item = Record<string, unknown>;
async function firstRows(service: ResourceService, role: Role, filter: object, sort: [string, string], count: number): Promise<Item[]> {
  const query = service.listQueryFor(role, { filter: JSON.stringify(filter), sort: JSON.stringify(sort), range: `[0,${count - 1}]` });
  const rows: Row[] = await service.repo.pageQuery(service.db, query, await service.repo.listColumns(service.db));
  return service.serializeAll(rows, role);
}

/** Adds each row's readable request number, so a card names the request without asking again. */
async function withRequestNo(db: Knex, rows: Item[]): Promise<Item[]> {
  const ids = [...new Set(rows.map((r) => Number(r.request_id)).filter(Number.isFinite))];
  if (!ids.length) return rows;
  const numbers = new Map((await db('support_requests').whereIn('id', ids).select('id', 'request_no')).map((r) => [r.id, r.request_no]));
  return rows.map((r) => ({ ...r, request_no: numbers.get(Number(r.request_id)) ?? null }));
}

export async function dashboardFor(db: Knex, services: Services, staff: { id: number; role: Role }, now: Date): Promise<Dashboard> {
  const { role } = staff;
  const may = (resource: string) => canAccess(role, resource, 'list');
  const cards = homeFilters(staff.id, now);
  const counts = new Counts(db, services);
  const add = (card: Card, aggregate?: string, name: string = card) =>
    counts.add(name, cards[card].resource, cards[card].filter, aggregate);
  const casework = CASEWORK.includes(role);
  if (may('support-requests')) counts.addRequestCounts('all_', WAITING);
  if (casework) {
    counts.addRequestCounts('mine_', MINE, staff.id);
    for (const card of ['web_form_new', 'waiting_answer', 'today', 'tomorrow', 'report_due'] as const) add(card);
  }
  if (may('expenses')) {
    add('outstanding');
    add('outstanding', 'coalesce(sum(amount_yen), 0)', 'outstanding_yen');
    add('outstanding', 'min(created_at)', 'outstanding_oldest');
  }
  if (may('activity-reports')) add('follow_ups');
  if (may('self-reports')) add('self_reports');
  if (may('messages')) {
    add('outbox_failed');
    add('outbox_held');
  }
  if (may('volunteers')) add('id_checks_due');
  const c = await counts.run();

  const card = (name: Card) => ({ count: num(c[name]), filter: { ...cards[name].filter } });
  const byStatus = (prefix: string, statuses: readonly RequestStatus[]) =>
    Object.fromEntries(statuses.map((s) => [s, num(c[`${prefix}${s}`])]));

  const list = async (resource: string, filter: object, sort: [string, string], n: number, count: number) =>
    count ? firstRows(services.get(resource)!, role, filter, sort, n) : [];
  const [followUps, selfReports, due] = await Promise.all([
    may('activity-reports') ? list('activity-reports', cards.follow_ups.filter, ['created_at', 'ASC'], 5, num(c.follow_ups)) : [],
    may('self-reports') ? list('self-reports', cards.self_reports.filter, ['submitted_at', 'ASC'], 5, num(c.self_reports)) : [],
    may('volunteers') ? list('volunteers', cards.id_checks_due.filter, ['id_check_valid_until', 'ASC'], 8, num(c.id_checks_due)) : [],
  ]);
  const requestNumbers = await withRequestNo(db, [...followUps, ...selfReports]);

  let month: Dashboard['month'] = null;
  if (canAccess(role, 'reports', 'show')) {
    const current = tokyoDate(now).slice(0, 7);
    // The monthly report's own figures for this month (not the previous month it compares with).
    const figures = await periodFigures(db, monthPeriod(current));
    month = {
      month: current,
      received: figures.counts.received ?? null,
      matched: figures.counts.matched ?? null,
      outstanding_yen: figures.amounts.total_outstanding_yen ?? null,
    };
  }

  return {
    requests_by_status: may('support-requests') ? byStatus('all_', WAITING) : null,
    my_work: casework
      ? {
          web_form_new: card('web_form_new'),
          mine: Object.fromEntries(MINE.map((s) => [s, { count: num(c[`mine_${s}`]), filter: { coordinator_id: staff.id, status: s } }])),
          waiting_answer: card('waiting_answer'),
          today: card('today'),
          tomorrow: card('tomorrow'),
          report_due: card('report_due'),
        }
      : null,
    outstanding: may('expenses')
      ? {
          count: num(c.outstanding),
          total_yen: num(c.outstanding_yen),
          oldest_at: c.outstanding_oldest ? new Date(c.outstanding_oldest as string).toISOString() : null,
        }
      : null,
    follow_ups: may('activity-reports') ? { count: num(c.follow_ups), items: requestNumbers.slice(0, followUps.length) } : null,
    self_reports: may('self-reports') ? { count: num(c.self_reports), items: requestNumbers.slice(followUps.length) } : null,
    outbox: may('messages') ? { failed: num(c.outbox_failed), held: num(c.outbox_held) } : null,
    id_checks_due: may('volunteers') ? { count: num(c.id_checks_due), within_days: ID_CHECK_WARNING_DAYS, items: due } : null,
    month,
  };
}

export async function badgesFor(db: Knex, services: Services, staff: { id: number; role: Role }, now: Date): Promise<Badges> {
  const cards = homeFilters(staff.id, now);
  const counts = new Counts(db, services);
  const inbox = canAccess(staff.role, 'support-requests', 'edit');
  const answers = canAccess(staff.role, 'assignments', 'list');
  if (inbox) counts.add('web_inbox', cards.web_form_new.resource, cards.web_form_new.filter);
  if (answers) counts.add('unseen_answers', cards.unseen_answers.resource, cards.unseen_answers.filter);
  const requests = canAccess(staff.role, 'support-requests', 'list');
  if (requests) counts.addRequestCounts('status_', REQUEST_STATUSES);
  const c = await counts.run();
  return {
    web_inbox: inbox ? num(c.web_inbox) : null,
    unseen_answers: answers ? num(c.unseen_answers) : null,
    requests_by_status: requests ? Object.fromEntries(REQUEST_STATUSES.map((s) => [s, num(c[`status_${s}`])])) : null,
  };
}

/**
 * GET /api/dashboard: every number (and the few short lists) of the home screen, for what the
 * signed-in role may list, in one answer. GET /api/badges: the menu's badges, in one answer.
 */
export function homeRouter(db: Knex, services: Services, now: Clock): Router {
  const router = Router();
  router.get('/dashboard', requireLogin, async (req, res) => {
    parseWith(HomeQuery, req.query, 'noun.dashboard_conditions');
    const staff = actor(req);
    res.json(await dashboardFor(db, services, staff, now()));
  });
  router.get('/badges', requireLogin, async (req, res) => {
    parseWith(HomeQuery, req.query, 'noun.badge_conditions');
    res.json(await badgesFor(db, services, actor(req), now()));
  });
  return router;
}
