/** The `--help` texts: each says what the command does, its options, defaults and an example. */

const DATABASE_OPTIONS = `Database (PostgreSQL when a URL is given, else embedded PGlite in a directory):
  --database-url URL  PostgreSQL connection string (default: $DATABASE_URL)
  --data-dir DIR      PGlite data directory (default: $OPENPRM_DATA_DIR, else .openprm/data
                      under the directory npm or npx was started from, else the current one)`;

export const HELP = {
  main: `openprm — the OpenPRM reference server

Usage: openprm <command> [options]

Commands:
  serve          Start the HTTP server (--demo: with demo data and demo keys)
  migrate        Bring the database schema up to date
  seed           Write the demo data into an empty database (once)
  keys create    Create an API key for an integration (shown once)
  import FILE    Import accounts, partners or metrics from CSV (--dry-run validates only)
  webhooks       The webhook delivery log: openprm webhooks deliveries [--status failed]

Options:
  --help         Show help (also: openprm <command> --help)
  --version      Show the version

Run "openprm <command> --help" for the options of a command.`,

  serve: `Usage: openprm serve [--demo] [--port N] [--host HOST] [database options]

Starts the HTTP API, the portal (/), the API reference (/docs) and the time-driven jobs
(expiries, SLA breaches, warnings). Migrates the database first. Stop it with Ctrl+C.

Options:
  --demo         Demo mode: seed the demo data once and accept the documented demo keys
                 (prm_demo_vendor, prm_demo_partner1 …). Never in production.
  --port N       Port to listen on (default: $PORT, else 8787; 0 picks a free one)
  --host HOST    Address to bind (default: 127.0.0.1; 0.0.0.0 in a container)
  --help         Show this help

${DATABASE_OPTIONS}

Example:
  openprm serve --demo
  DATABASE_URL=postgres://prm@db/prm openprm serve --host 0.0.0.0`,

  migrate: `Usage: openprm migrate [database options]

Applies the migrations the database has not seen yet, each in its own transaction. Safe to run
while other instances start: they take turns.

Options:
  --help         Show this help

${DATABASE_OPTIONS}`,

  seed: `Usage: openprm seed [database options]

Writes the deterministic demo data (partners, accounts, reservations, registrations, contracts,
scorecards and the demo keys) into the database, once: a second run changes nothing. A database
that holds partners of its own is refused. The demo keys work only with "openprm serve --demo".

Options:
  --help         Show this help

${DATABASE_OPTIONS}`,

  keys: `Usage: openprm keys create --role ROLE [--partner ID] [--name NAME] [database options]

Commands:
  create         Create an API key; run "openprm keys create --help" for its options

Options:
  --help         Show this help`,

  keysCreate: `Usage: openprm keys create --role ROLE [--partner ID] [--name NAME] [database options]

Creates an API key and prints it once, on stdout alone (so KEY=$(openprm keys create …) works).
Only its SHA-256 hash is stored: keep the key somewhere safe, it cannot be shown again.

Options:
  --role ROLE    vendor_admin | channel_manager (vendor side) or
                 partner_admin | partner_rep (needs --partner)
  --partner ID   The partner a partner role acts for, e.g. ptr_northquay
  --name NAME    What the key is for, shown in audit trails (default: from role and partner)
  --help         Show this help

${DATABASE_OPTIONS}

Example:
  openprm keys create --role channel_manager --name "CRM sync"`,
} as const;
