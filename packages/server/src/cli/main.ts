/**
 * `openprm <command>`: dispatches to the commands and turns every failure into a clear message
 * and an exit code: 2 for what the user can fix (no stack trace), 1 for anything unexpected.
 */
import { DemoSeedRefused } from '../demo/seed.js';
import { version } from '../version.js';
import { migrateCommand, seedCommand } from './admin.js';
import { HELP } from './help.js';
import { importCommand } from './import.js';
import { CliError, type CliIo, EXIT_FAILURE, EXIT_USAGE } from './io.js';
import { keysCommand } from './keys.js';
import { serveCommand } from './serve.js';
import { webhooksCommand } from './webhooks.js';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  serve: serveCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  keys: keysCommand,
  import: importCommand,
  webhooks: webhooksCommand,
};

/** node:util parseArgs refuses unknown options and missing values with these codes. */
const isParseArgsError = (error: unknown): error is Error => {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
};

export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    io.out(HELP.main);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(version);
    return 0;
  }
  if (command === 'help') return runCli(args[0] ? [args[0], '--help'] : [], io);
  const run = COMMANDS[command];
  if (!run) {
    io.err(`openprm: unknown command "${command}".\n\n${HELP.main}`);
    return EXIT_USAGE;
  }
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof CliError || isParseArgsError(error) || error instanceof DemoSeedRefused) {
      const named = error instanceof CliError ? error.command : undefined;
      io.err(`openprm ${named ?? command}: ${error.message}`);
      // A wrong option is explained by the help; an unreachable database is not.
      if (named !== undefined || isParseArgsError(error)) {
        io.err(`Run "openprm ${named ?? command} --help" for the options.`);
      }
      return EXIT_USAGE;
    }
    io.err(
      `openprm ${command}: unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (error instanceof Error && error.stack) io.err(error.stack);
    return EXIT_FAILURE;
  }
};
