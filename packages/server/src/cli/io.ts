/** What a CLI command may touch of the outside world, so tests can run commands in-process. */

export interface CliSignals {
  once(signal: 'SIGINT' | 'SIGTERM', handler: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', handler: () => void): unknown;
}

export interface CliIo {
  /** Results: what a script would capture. */
  out(text: string): void;
  /** Messages for the person at the terminal: progress, warnings, errors. */
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Where `serve` listens for Ctrl+C and termination. @default process */
  signals?: CliSignals;
  /** Raw stderr for progress bars, which redraw a line in place when it is a terminal. */
  progress?: { isTTY: boolean; write(text: string): void };
}

/** A mistake the user can fix (bad option, unknown partner …): a message and exit code 2, no stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    /** The command whose `--help` explains the fix, e.g. `keys create`. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

/** The process's own io: stdout, stderr, environment, working directory, signals. */
export const processIo = (): CliIo => ({
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
  signals: process,
  progress: {
    isTTY: process.stderr.isTTY === true,
    write: (text) => process.stderr.write(text),
  },
});
