/**
 * `seedDemo`: writes the deterministic demo data once. A marker in `settings` makes a second
 * call (or a second instance starting at the same time) do nothing; a database that already
 * holds partners of its own is refused, so demo data never mixes with real data.
 */
import { DEFAULT_PROGRAM, type ProgramSettings } from '@openprm/core';
import type { Database } from '../db/database.js';
import { buildDemoWorld } from './build.js';
import { VENDOR } from './catalog.js';
import { writeDemoWorld } from './write.js';

/** The `settings` key that says the demo data is in. */
export const DEMO_MARKER = 'demo_seeded';

export interface SeedDemoOptions {
  /** Everything is placed relative to this instant. @default new Date() */
  now?: Date;
  /** The program's settings (decision hours, protection days …). @default DEFAULT_PROGRAM */
  settings?: ProgramSettings;
}

export type SeedDemoResult =
  | { seeded: true; counts: Record<string, number> }
  | { seeded: false; seededAt: string };

/** The database holds data that is not the demo's: seeding would mix the two. */
export class DemoSeedRefused extends Error {
  override readonly name = 'DemoSeedRefused';
}

export const seedDemo = async (
  db: Database,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> => {
  const now = options.now ?? new Date();
  const settings = options.settings ?? DEFAULT_PROGRAM;
  return db.transaction(async (tx) => {
    // Claiming the marker first serialises concurrent seeders on its primary key.
    const claimed = await tx.query(
      `insert into settings (key, value) values ($1, $2) on conflict (key) do nothing returning key`,
      [DEMO_MARKER, JSON.stringify({ version: 1, seededAt: now.toISOString(), ...VENDOR })],
    );
    if (claimed.length === 0) {
      const [row] = await tx.query<{ value: { seededAt: string } }>(
        'select value from settings where key = $1',
        [DEMO_MARKER],
      );
      return { seeded: false, seededAt: row?.value.seededAt ?? '' };
    }
    const [existing] = await tx.query<{ partners: number }>(
      'select count(*)::int as partners from partners',
    );
    if ((existing?.partners ?? 0) > 0) {
      throw new DemoSeedRefused(
        `This database already holds ${existing?.partners} partners of its own; demo data goes only into an empty database. Use another data directory (--data-dir) or database.`,
      );
    }
    const world = await buildDemoWorld({ now, settings });
    return { seeded: true, counts: await writeDemoWorld(tx, world) };
  });
};
