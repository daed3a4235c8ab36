import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, here, LOCK_FILE, lockDataDir, startTimeOf } from '../server/db/data-dir-lock.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spot-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const writeLock = (dir: string, owner: object, ageMs = 0) => {
  const file = path.join(dir, LOCK_FILE);
  writeFileSync(file, JSON.stringify({ token: 'someone-else', since: '2026-11-28T01:00:00.000Z', ...owner }));
  const t = new Date(Date.now() - ageMs);
  utimesSync(file, t, t);
  return file;
};

/** A process that is alive for the length of the test. */
async function livingProcess() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  await once(child, 'spawn');
  return child;
}

describe('the DATA_DIR lock', () => {
  it('is held until released, refuses a second holder with a message in Japanese and English, and is gone after release', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    const owner = JSON.parse(readFileSync(lock.file, 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, where: here() });
    let refused: unknown;
    try {
      lockDataDir(dir);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toMatch(/使用中/);
    expect((refused as Error).message).toMatch(/in use by another server process \(PID \d+/);
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
    lockDataDir(dir).release();
  });

  it('is taken over from a process that no longer exists', async () => {
    const dir = freshDir();
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await once(gone, 'exit');
    writeLock(dir, { pid: gone.pid, started: null, where: here() });
    const lock = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it.runIf(process.platform === 'linux')(
    'is held by a living process that started when the lock says, and taken over when the PID was reused',
    async () => {
      const dir = freshDir();
      const other = await livingProcess();
      try {
        writeLock(dir, { pid: other.pid, started: startTimeOf(other.pid!), where: here() });
        expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
        // The same PID, but a process that started at another time: the lock's owner died and the
        // number went to someone else.
        writeLock(dir, { pid: other.pid, started: '1', where: here() });
        const lock = lockDataDir(dir);
        lock.release();
      } finally {
        other.kill();
      }
    },
  );

  it('trusts a lock from another machine or container while it is refreshed, and not after', () => {
    const dir = freshDir();
    writeLock(dir, { pid: 1, started: '5', where: 'host:elsewhere' }, 60_000);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    writeLock(dir, { pid: 1, started: '5', where: 'host:elsewhere' }, 6 * 60_000);
    lockDataDir(dir).release();
  });

  it.runIf(process.platform === 'linux')('is taken over at once when this machine has restarted since it was written', () => {
    const dir = freshDir();
    writeLock(dir, { pid: 1, started: '5', where: 'linux:an-earlier-boot:pid:[1]', host: hostname(), boot: 'an-earlier-boot' });
    lockDataDir(dir).release();
  });

  it('does not remove a lock that is no longer its own', () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    const file = writeLock(dir, { pid: 1, started: null, where: 'host:elsewhere' });
    lock.release();
    expect(existsSync(file)).toBe(true);
  });
});
