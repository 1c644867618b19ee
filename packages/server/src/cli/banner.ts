/** What `openprm serve` prints once it listens: where to go, what runs, and the demo keys. */

import { DEMO_API_KEYS } from '../demo/keys.js';
import type { SeedDemoResult } from '../demo/seed.js';
import { version } from '../version.js';
import { type DatabaseTarget, describeTarget } from './database.js';

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

const seedLine = (seeded: SeedDemoResult | null) => {
  if (!seeded) return [];
  if (!seeded.seeded) return [`  demo data      already in place (seeded ${seeded.seededAt})`];
  const { partners, accounts, registrations } = seeded.counts;
  return [
    `  demo data      seeded now: ${partners} partners, ${accounts} accounts, ${registrations} registrations`,
  ];
};

export const serveBanner = (options: {
  url: string;
  target: DatabaseTarget;
  demo: boolean;
  seeded: SeedDemoResult | null;
  host: string;
}) => {
  const { url, demo } = options;
  const lines = [
    `OpenPRM ${version} listening on ${url}${demo ? ' (demo mode)' : ''}`,
    `  API            ${url}/v1`,
    `  portal         ${url}/`,
    `  API reference  ${url}/docs`,
    `  database       ${describeTarget(options.target)}`,
    ...seedLine(options.seeded),
  ];
  if (demo) {
    const width = Math.max(...DEMO_API_KEYS.map((k) => k.key.length));
    lines.push(
      '',
      'Demo API keys (accepted only while the server runs with --demo):',
      ...DEMO_API_KEYS.map(
        (k) => `  ${k.key.padEnd(width)}  ${k.role.padEnd(15)}  ${k.description}`,
      ),
      '',
      `Try: curl -H 'Authorization: Bearer prm_demo_partner1' ${url}/v1/accounts`,
    );
    if (!LOOPBACK.includes(options.host)) {
      lines.push(
        '',
        `Warning: listening on ${options.host} in demo mode; the demo keys are public, so anyone who can reach this address can use them.`,
      );
    }
  }
  lines.push('', 'Press Ctrl+C to stop.');
  return lines.join('\n');
};
