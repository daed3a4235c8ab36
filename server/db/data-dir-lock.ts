import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  renameSync,
  unlinkSync,
  utimesSync,
  statSync,
  writeSync,
  fsyncSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One server process per embedded-database folder. PGlite has no lock of its own: two processes
 * on one DATA_DIR both start, hand out the same ids and overwrite each other's files.
 *
 * The lock is the file DATA_DIR/server.lock, holding who owns it (PID, the process's start time
 * as the kernel counts it, where it runs, a random token). It is created complete and atomically
 * (written to a private file, then hard-linked to the lock's name, which fails if the name
 * exists), so a reader never sees half a lock and two processes starting at the same moment
 * cannot both win. A lock left by a process that died (kill -9, power cut) is stale and taken
 * over; whether its owner lives is decided by:
 *  - on the same machine and PID namespace: the PID exists and (on Linux) started at the recorded
 *    time, so a PID reused by another program after a crash does not keep the lock held;
 *  - written on this host before its last boot (a power cut): stale;
 *  - elsewhere (another container sharing the folder, another OS): the lock's file time, which the
 *    owner refreshes every HEARTBEAT_MS, is older than FOREIGN_STALE_MS.
 */
export const LOCK_FILE = 'server.lock';
const HEARTBEAT_MS = 15_000;
const FOREIGN_STALE_MS = 5 * 60_000;

type Owner = { pid: number; started: string | null; where: string; host?: string; boot?: string | null; token: string; since: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: Owner,
  ) {
    const at = Date.parse(owner.since);
    const since = Number.isNaN(at) ? '' : new Date(at).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });
    const foreign = owner.where !== here();
    super(
      `データフォルダ ${dataDir} は別のサーバープロセス (PID ${owner.pid}${since ? `、${since} 起動` : ''}${foreign ? '、別のマシンまたはコンテナ' : ''}) が使用中のため、起動を中止しました。` +
        `同じデータフォルダで 2 つのサーバーを動かすとデータが失われます。先に動いているサーバーを停止してください。` +
        (foreign
          ? `そのサーバーが止まっていることが確かな場合は ${path.join(dataDir, LOCK_FILE)} を削除してください (止まってから 5 分で自動的に解除されます)。`
          : '') +
        `\nThe data folder ${dataDir} is in use by another server process (PID ${owner.pid}${since ? `, started ${owner.since}` : ''}${foreign ? ', on another machine or container' : ''}); not starting. ` +
        `Two servers on one data folder lose data. Stop the other server first.` +
        (foreign
          ? ` If you are sure it has stopped, delete ${path.join(dataDir, LOCK_FILE)} (the lock also expires 5 minutes after it stopped).`
          : ''),
    );
  }
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The kernel's start time of a process (clock ticks since boot), or null where /proc is absent. */
export function startTimeOf(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const bootId = () => readProc('/proc/sys/kernel/random/boot_id')?.trim() || null;

/** Which PIDs can be compared with ours: the same boot and PID namespace (Linux), else the host name. */
export function here(): string {
  const boot = bootId();
  let ns = '';
  try {
    ns = readlinkSync('/proc/self/ns/pid');
  } catch {
    // Not Linux.
  }
  return boot ? `linux:${boot}:${ns}` : `host:${hostname()}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === 'EPERM';
  }
}

function ageOf(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function isStale(owner: Owner, file: string): boolean {
  const age = ageOf(file);
  if (owner.where !== here()) {
    // Written on this machine before it last started: nothing from then is still running.
    const boot = bootId();
    if (owner.host === hostname() && owner.boot && boot && owner.boot !== boot) return true;
    return age > FOREIGN_STALE_MS;
  }
  if (owner.pid === process.pid || !alive(owner.pid)) return true;
  const started = startTimeOf(owner.pid);
  if (owner.started && started) return owner.started !== started;
  // No kernel start time to compare (not Linux): a living PID whose owner stopped refreshing the
  // lock long ago is another program that got the number after a crash.
  return age > FOREIGN_STALE_MS;
}

function readOwner(file: string): Owner | null {
  try {
    const owner: Owner = JSON.parse(readFileSync(file, 'utf8'));
    return typeof owner.pid === 'number' && typeof owner.token === 'string' ? owner : null;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null;
    // Unreadable content cannot come from this code (the file appears complete); treat it as
    // someone else's lock of unknown age, judged by its file time only.
    return { pid: -1, started: null, where: 'unknown', token: '', since: '' };
  }
}

export type DataDirLock = { file: string; release: () => void };

const heldHere = new Map<string, Owner>();

/** Takes the lock on dataDir or throws DataDirLockedError naming the process that holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(path.resolve(dataDir), LOCK_FILE);
  // This process already holds it (its PID in the file would otherwise look like a stale lock).
  const mine = heldHere.get(file);
  if (mine) throw new DataDirLockedError(dataDir, mine);
  const me: Owner = {
    pid: process.pid,
    started: startTimeOf(process.pid),
    where: here(),
    host: hostname(),
    boot: bootId(),
    token: randomBytes(16).toString('hex'),
    since: new Date().toISOString(),
  };
  const draft = `${file}.${process.pid}.${me.token}`;
  const fd = openSync(draft, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(me));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        publish(draft, file, me);
        break;
      } catch (err) {
        if (errnoCode(err) !== 'EEXIST') throw err;
      }
      const owner = readOwner(file);
      if (!owner) continue; // released between our attempt and the read: try again
      if (attempt >= 5 || !isStale(owner, file)) throw new DataDirLockedError(dataDir, owner);
      takeOver(file, owner);
    }
  } finally {
    unlinkSync(draft);
  }

  heldHere.set(file, me);
  const ours = () => readOwner(file)?.token === me.token;
  const heartbeat = setInterval(() => {
    try {
      if (ours()) utimesSync(file, new Date(), new Date());
      else console.error(`The lock ${file} no longer names this process: another server may be using ${dataDir}.`);
    } catch {
      // A missed refresh only makes the lock look older to other machines.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    clearInterval(heartbeat);
    process.off('exit', release);
    try {
      if (ours()) unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  // A process that ends without stop() (an uncaught error, process.exit) still lets go.
  process.on('exit', release);
  return { file, release };
}

/** Puts the complete lock in place, failing with EEXIST when there is one. */
function publish(draft: string, file: string, me: Owner): void {
  try {
    linkSync(draft, file);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST' || code === 'ENOENT') throw err;
    // A file system without hard links: create exclusively and fill it. A reader that comes in
    // between sees an unreadable, fresh lock and treats it as held, which is the safe side.
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, JSON.stringify(me));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Removes a stale lock without ever removing a live one: the lock is first moved aside (atomic),
 * and if what was moved is not the stale lock we judged (another process took over and locked in
 * the meantime) it is put straight back.
 */
function takeOver(file: string, stale: Owner): void {
  const aside = `${file}.stale.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return;
    throw err;
  }
  const moved = readOwner(aside);
  if (moved && moved.token !== stale.token) {
    try {
      linkSync(aside, file);
    } catch {
      // A third process locked in the meantime; it holds the lock now.
    }
  }
  unlinkSync(aside);
}

/** The `code` of a failed file-system call (ENOENT, EEXIST…), if the error has one. */
function errnoCode(err: unknown): string | undefined {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}
