#!/usr/bin/env node
import { processIo } from './cli/io.js';
/** The `openprm` command; see cli/main.ts for the commands and cli/help.ts for their help. */
import { runCli } from './cli/main.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
