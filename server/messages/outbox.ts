import { nextRetentionRun, RETENTION_QUEUE, recordRetentionScan } from '../retention/daily.js';
import type { Knex } from 'knex';
import { periodsToWarm, warmStored } from '../reports/stored.js';
import nodemailer, { type Transporter } from 'nodemailer';
import PgBoss from 'pg-boss';
import type { Db } from '../db/index.js';
import type { Logger } from '../log.js';
import { bossDb, createQueueOnce } from './queue-db.js';

export const DELIVER_QUEUE = 'deliver-message';

export type MailSettings = {
  /** smtp:// or smtps:// with credentials; unset = messages are held for sending by hand. */
  smtpUrl?: string | undefined;
  /** The sender, e.g. `スポットおとなりさん <info@npo.example>`. */
  from: string;
  /** Base of the links in messages (`https://office.npo.example`), no trailing slash. */
  publicBaseUrl: string;
};

export type OutboxOptions = {
  mail: MailSettings;
  /** Deliveries tried after the first failed one (default 5), waiting retryDelaySeconds × 2^n between. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How often an idle worker asks the queue for jobs (pg-boss's minimum is 0.5 s). */
  pollingSeconds?: number;
  /** How often undispatched messages are looked for besides after each write (crash recovery). */
  sweepSeconds?: number;
  logger?: Logger;
  /** The clock the daily jobs are planned by (tests set it). */
  now?: () => Date;
};

type MessageRow = {
  id: number;
  status: string;
  address: string | null;
  subject: string;
  body: string;
  calendar: string | null;
  message_id: string;
  send_after: Date | null;
};

const short = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/**
 * The outbox's delivery: messages are rows (see store.ts); the dispatcher gives each queued row
 * one pg-boss job, in one transaction with marking the row, so no row gets two jobs even with
 * several server processes; pg-boss hands each job to one worker, retries with backoff, and the
 * worker marks the row sent or, after the last try, failed.
 */
export class Outbox {
  readonly mail: MailSettings;
  private boss: PgBoss | undefined;
  private workerId: string | undefined;
  private transporter: Transporter | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private dispatching: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly options: OutboxOptions,
  ) {
    this.mail = options.mail;
  }

  get knex(): Knex {
    return this.db.knex;
  }

  get sending(): boolean {
    return !!this.mail.smtpUrl;
  }

  /** Starts the queue (installing its schema the first time) and this process's worker. */
  async start(): Promise<void> {
    const boss = new PgBoss({
      db: bossDb(this.db.knex, this.db.engine),
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: 120,
    });
    boss.on('error', (err) => this.options.logger?.error({ err }, 'job queue error'));
    await boss.start();
    await createQueueOnce(boss, DELIVER_QUEUE);
    this.boss = boss;
    await this.startRetentionCheck(boss);
    if (this.mail.smtpUrl) {
      this.transporter = nodemailer.createTransport(this.mail.smtpUrl);
      // A batch per poll, each job settled on its own: a failed delivery fails only its job.
      this.workerId = await boss.work<{ id: number }>(
        DELIVER_QUEUE,
        { includeMetadata: true, batchSize: 10, pollingIntervalSeconds: this.options.pollingSeconds ?? 2 },
        async (jobs) => {
          for (const job of jobs) {
            try {
              await this.deliver(job.data.id, job.retryCount >= job.retryLimit);
            } catch (err) {
              await boss.fail(DELIVER_QUEUE, job.id, { message: short(err) });
            }
          }
        },
      );
    }
    this.sweeper = setInterval(() => this.dispatch(), (this.options.sweepSeconds ?? 30) * 1000);
    this.sweeper.unref();
    this.dispatch();
  }

  /**
   * The daily retention check (03:00 Japan time) runs on the same queue: each run records the
   * day's figures and queues the next; a day already checked (another server's job, or a
   * start-up's) ends its chain, so one chain remains however often servers start. Each run also
   * prunes the report's stored figures and computes last month's and this fiscal year's.
   */
  private async startRetentionCheck(boss: PgBoss): Promise<void> {
    await createQueueOnce(boss, RETENTION_QUEUE);
    const scheduleNext = async () => {
      const next = nextRetentionRun(this.options.now?.() ?? new Date());
      await boss.send(RETENTION_QUEUE, { as_of: next.asOf }, { startAfter: next.at, singletonKey: next.asOf });
    };
    await boss.work<{ as_of: string }>(RETENTION_QUEUE, { pollingIntervalSeconds: this.options.pollingSeconds ?? 60 }, async ([job]) => {
      if (!job) return;
      if (await recordRetentionScan(this.knex, job.data.as_of)) await scheduleNext();
      // The report's stored figures: pruned, and last month and this fiscal year ready before the day starts.
      await warmStored(this.knex, periodsToWarm(job.data.as_of)).catch((err) =>
        this.options.logger?.error({ err }, 'report figures warm-up failed'),
      );
    });
    await scheduleNext();
  }

  /** Lets running deliveries finish, then stops; safe to call twice. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    await this.dispatching?.catch(() => undefined);
    await this.boss?.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
    this.transporter?.close();
    this.boss = undefined;
  }

  /** Hands queued messages to the queue soon; called after every write and by the sweeper. */
  dispatch(): void {
    if (!this.boss || this.stopped) return;
    if (this.dispatching) {
      this.again = true;
      return;
    }
    this.dispatching = (async () => {
      do {
        this.again = false;
        try {
          while ((await this.dispatchBatch()) > 0 && !this.stopped);
        } catch (err) {
          this.options.logger?.error({ err }, 'outbox dispatch failed');
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.dispatching = undefined;
    });
  }

  /** Resolves once the dispatch in progress (if any) has finished; tests and shutdown wait on it. */
  async settled(): Promise<void> {
    while (this.dispatching) await this.dispatching;
  }

  private async dispatchBatch(): Promise<number> {
    const boss = this.boss;
    if (!boss) return 0;
    return this.db.knex
      .transaction(async (trx) => {
        const rows: MessageRow[] = await trx('messages')
          .where('status', 'queued')
          .whereNull('job_id')
          .orderBy('id')
          .limit(100)
          .forUpdate()
          .skipLocked()
          .select('id', 'send_after');
        if (!rows.length) return 0;
        if (!this.sending) {
          await trx('messages')
            .whereIn(
              'id',
              rows.map((r) => r.id),
            )
            .update({ status: 'held', updated_at: trx.fn.now(), version: trx.raw('version + 1') });
          return rows.length;
        }
        const db = bossDb(trx, this.db.engine);
        for (const row of rows) {
          const jobId = await boss.send(
            DELIVER_QUEUE,
            { id: row.id },
            {
              db,
              retryLimit: this.options.retryLimit ?? 5,
              retryDelay: this.options.retryDelaySeconds ?? 60,
              retryBackoff: true,
              startAfter: row.send_after ?? undefined,
            },
          );
          await trx('messages').where('id', row.id).update({ job_id: jobId });
        }
        return rows.length;
      })
      .then((n) => {
        // This process's worker need not wait for its next poll.
        if (n > 0 && this.workerId) this.boss?.notifyWorker(this.workerId);
        return n;
      });
  }

  private messageId(local: string): string {
    const domain = /@([^>\s]+)>?\s*$/.exec(this.mail.from)?.[1] ?? 'otonari.invalid';
    return `<${local}@${domain}>`;
  }

  /**
   * One delivery attempt. A message no longer queued (cancelled, already sent) is skipped; the
   * Message-ID is the row's, so a retry after an uncertain failure cannot make a second e-mail.
   */
  private async deliver(id: number, lastTry: boolean): Promise<void> {
    const knex = this.db.knex;
    const row: MessageRow | undefined = await knex('messages').where('id', id).first();
    if (row?.status !== 'queued' || !row.address || !this.transporter) return;
    await knex('messages').where('id', id).increment('attempts', 1);
    try {
      await this.transporter.sendMail({
        from: this.mail.from,
        to: row.address,
        subject: row.subject,
        text: row.body,
        messageId: this.messageId(row.message_id),
        attachments: row.calendar
          ? [{ filename: 'spot-otonari.ics', content: row.calendar, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }]
          : [],
      });
    } catch (err) {
      await knex('messages')
        .where({ id, status: 'queued' })
        .update({
          last_error: short(err),
          status: lastTry ? 'failed' : 'queued',
          updated_at: knex.fn.now(),
          version: knex.raw('version + 1'),
        });
      throw err;
    }
    await knex('messages')
      .where('id', id)
      .update({ status: 'sent', sent_at: knex.fn.now(), last_error: null, updated_at: knex.fn.now(), version: knex.raw('version + 1') });
  }
}
