/** Progress on stderr: a bar redrawn in place on a terminal, a line now and then otherwise. */
import type { CliIo } from './io.js';

const WIDTH = 24;

export interface ProgressUpdate {
  phase: string;
  rows: number;
  /** Bytes read of `totalBytes`; unknown while a server works through an uploaded file. */
  bytes: number | null;
}

export const createProgressBar = (io: CliIo, totalBytes: number) => {
  const terminal = io.progress?.isTTY === true;
  let lastLine = '';
  let lastTenth = -1;
  let lastPhase = '';
  const describe = ({ phase, rows, bytes }: ProgressUpdate) => {
    const share = bytes === null || totalBytes === 0 ? null : Math.min(1, bytes / totalBytes);
    const bar =
      share === null
        ? ''
        : `[${'#'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '.')}] ${Math.floor(share * 100)}% `;
    return { share, text: `${phase} ${bar}${rows.toLocaleString('en')} rows` };
  };
  return {
    update(progress: ProgressUpdate) {
      const { share, text } = describe(progress);
      if (terminal) {
        if (text === lastLine) return;
        lastLine = text;
        io.progress?.write(`\r${text.padEnd(60)}`);
        return;
      }
      // Plain output (a log, a pipe): one line per phase and per tenth of the file.
      const tenth = share === null ? -1 : Math.floor(share * 10);
      if (progress.phase === lastPhase && tenth === lastTenth) return;
      lastPhase = progress.phase;
      lastTenth = tenth;
      io.err(text);
    },
    /** Ends the bar's line, so what follows starts on a fresh one. */
    done() {
      if (terminal && lastLine !== '') io.progress?.write('\n');
    },
  };
};
