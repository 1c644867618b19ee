import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/**
 * Refused: another process has this PGlite data directory open. PGlite has no lock of its own,
 * and two processes writing the same files corrupt them.
 */
export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory "${dataDir}" is in use by another OpenPRM process (pid ${pid}). ` +
        'Stop that process first, or give this one another --data-dir.',
    );
    this.name = 'DataDirectoryInUseError';
  }
}

/** Whether a process with this id is running (EPERM: it is, but belongs to someone else). */
const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readHolder = (file: string): number | undefined => {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Claims a PGlite data directory for this process with a lock file beside it (`<dir>.lock`,
 * holding the process id; inside the directory it would stop PGlite from creating a new one).
 * A lock whose process is gone (a crash, a kill -9) is taken over. Returns the release, which
 * also runs when the process exits.
 */
export const lockDataDirectory = (dataDir: string): (() => void) => {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder !== undefined && isRunning(holder))
        throw new DataDirectoryInUseError(dataDir, holder);
      rmSync(file, { force: true }); // left by a process that is gone
      continue;
    }
    writeSync(fd, String(process.pid));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      if (readHolder(file) === process.pid) rmSync(file, { force: true });
    };
    process.on('exit', release);
    return release;
  }
  throw new Error(`Could not lock the data directory "${dataDir}" (${file}).`);
};
