import type { Knex } from 'knex';
import type { SessionStaff } from '../auth/session-store.js';
import type { NumberBlock } from '../db/numbers.js';
import { readSettings, type Settings } from '../settings/repository.js';

/** The staff member on whose behalf a write is done. */
export type Actor = SessionStaff;
export type Clock = () => Date;

/**
 * Everything a write needs besides its input: the transaction it runs in, who does it, the
 * clock and the service settings. Routes, imports, workflows and tests build one with
 * writeContext; services and their hooks never see an HTTP request.
 */
export type WriteContext = {
  readonly trx: Knex.Transaction;
  readonly actor: Actor;
  readonly now: Clock;
  /** The settings row, read at most once per context, inside its transaction. */
  readonly settings: () => Promise<Settings>;
  /** Readable numbers reserved ahead by a bulk create (takeNumber draws from it). */
  readonly numbers?: NumberBlock;
  /** Reference reads (municipalities, partners) done once for many creates: see readOnce. */
  readonly memo?: Map<string, Promise<unknown>>;
};

export function writeContext(
  trx: Knex.Transaction,
  actor: Actor,
  options: { now?: Clock; memo?: Map<string, Promise<unknown>> } = {},
): WriteContext {
  let settings: Promise<Settings> | undefined;
  return { trx, actor, now: options.now ?? (() => new Date()), settings: () => (settings ??= readSettings(trx)), memo: options.memo };
}

/** A read the hooks need for every record, done once when the context carries a memo (imports). */
export function readOnce<T>(memo: WriteContext['memo'], key: string, read: () => Promise<T>): Promise<T> {
  if (!memo) return read();
  let pending = memo.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    memo.set(key, pending);
  }
  return pending;
}
