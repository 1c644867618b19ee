#!/usr/bin/env node
// Every changeset must parse, or releases fail later: formatters have mangled the front matter before.
import { readdirSync, readFileSync } from 'node:fs';
import parse from '@changesets/parse';

const dir = new URL('../.changeset/', import.meta.url);
const files = readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md');
let broken = 0;
for (const file of files) {
  try {
    const { releases } = parse(readFileSync(new URL(file, dir), 'utf8'));
    if (releases.length === 0) throw new Error('names no package');
  } catch (error) {
    broken += 1;
    console.error(
      `✗ .changeset/${file}: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
    );
  }
}
console.log(`changesets: ${files.length - broken} valid, ${broken} broken`);
process.exit(broken > 0 ? 1 : 0);
