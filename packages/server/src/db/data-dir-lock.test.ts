import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirectoryInUseError } from './data-dir-lock.js';
import { openPglite } from './pglite.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const tempDataDir = () => {
  const parent = mkdtempSync(join(tmpdir(), 'openprm-lock-'));
  cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
  return join(parent, 'data');
};

/** A process that stays alive until killed, standing in for another server. */
const otherProcess = (): ChildProcess => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  cleanups.push(() => child.kill('SIGKILL'));
  return child;
};

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

describe('a PGlite data directory is used by one process at a time', () => {
  it('refuses a second opening while the first is open, and allows it once closed', async () => {
    const dir = tempDataDir();
    const first = await openPglite(dir);
    await first.exec('create table notes (text text); insert into notes values ($$kept$$)');
    await expect(openPglite(dir)).rejects.toThrow(DataDirectoryInUseError);
    await expect(openPglite(dir)).rejects.toThrow(
      `is in use by another OpenPRM process (pid ${process.pid})`,
    );
    await first.close();
    expect(existsSync(`${dir}.lock`), 'the lock goes with the last close').toBe(false);
    const again = await openPglite(dir);
    expect(await again.query('select text from notes')).toEqual([{ text: 'kept' }]);
    await again.close();
  });

  it('refuses while another process holds the lock, and takes over a lock whose process is gone', async () => {
    const dir = tempDataDir();
    const other = otherProcess();
    writeFileSync(`${dir}.lock`, String(other.pid));
    const refusal = await openPglite(dir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirectoryInUseError);
    expect((refusal as DataDirectoryInUseError).pid).toBe(other.pid);
    expect((refusal as Error).message).toContain('--data-dir');

    other.kill('SIGKILL');
    await exited(other);
    const db = await openPglite(dir);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    await db.close();
  });

  it('locks nothing for an in-memory database', async () => {
    const one = await openPglite();
    const two = await openPglite();
    await Promise.all([one.close(), two.close()]);
  });
});
