/** `openprm keys create`: a new API key, printed once; only its hash is stored. */
import { parseArgs } from 'node:util';
import { ALL_ROLES, isPartnerRole, type Role } from '@openprm/core';
import { newId } from '../crypto.js';
import { migrate } from '../db/migrate.js';
import { generateApiKey } from '../http/auth.js';
import { findPartnerRow } from '../queries/partners.js';
import { DATABASE_ARGS, databaseTarget, withDatabase } from './database.js';
import { HELP } from './help.js';
import { CliError, type CliIo } from './io.js';

const COMMAND = 'keys create';

interface KeyRequest {
  role: Role;
  partnerId: string | null;
  name: string;
}

/** Checks what can be checked without the database; the partner's existence comes later. */
const keyRequest = (values: {
  role?: string | undefined;
  partner?: string | undefined;
  name?: string | undefined;
}): KeyRequest => {
  const { role, partner } = values;
  if (role === undefined) {
    throw new CliError(`Name the key's role with --role (${ALL_ROLES.join(', ')}).`, COMMAND);
  }
  if (!(ALL_ROLES as readonly string[]).includes(role)) {
    throw new CliError(`Unknown role "${role}": use one of ${ALL_ROLES.join(', ')}.`, COMMAND);
  }
  const partnerRole = isPartnerRole(role as Role);
  if (partnerRole && !partner) {
    throw new CliError(`A ${role} key acts for one partner: name it with --partner <id>.`, COMMAND);
  }
  if (!partnerRole && partner !== undefined) {
    throw new CliError(
      `A ${role} key is on the vendor side and sees every partner: leave out --partner.`,
      COMMAND,
    );
  }
  const name = (values.name ?? (partner ? `${role} key for ${partner}` : `${role} key`)).trim();
  if (name === '' || name.length > 200) {
    throw new CliError('The name must be 1 to 200 characters.', COMMAND);
  }
  return { role: role as Role, partnerId: partner ?? null, name };
};

export const keysCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === 'help') {
    io.out(HELP.keys);
    return 0;
  }
  if (sub !== 'create') throw new CliError(`Unknown keys command "${sub}".`, 'keys');
  const { values } = parseArgs({
    args: rest,
    options: {
      ...DATABASE_ARGS,
      role: { type: 'string' },
      partner: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(HELP.keysCreate);
    return 0;
  }
  const request = keyRequest(values);
  const target = databaseTarget(values, io, COMMAND);
  const created = await withDatabase(target, async (db) => {
    await migrate(db);
    if (request.partnerId && !(await findPartnerRow(db, request.partnerId))) {
      throw new CliError(
        `There is no partner "${request.partnerId}" in this database; partner ids look like ptr_… (GET /v1/partners lists them).`,
        COMMAND,
      );
    }
    const { key, hash } = generateApiKey();
    const id = newId('key');
    await db.query(
      `insert into api_keys (id, key_hash, name, role, partner_id, demo, created_at)
       values ($1, $2, $3, $4, $5, false, now())`,
      [id, hash, request.name, request.role, request.partnerId],
    );
    return { id, key };
  });
  const scope = request.partnerId ? ` for partner ${request.partnerId}` : '';
  io.err(`Created API key ${created.id}: ${request.role}${scope}, "${request.name}".`);
  io.err('It is shown only this once; the server keeps only its hash. Store it safely:');
  io.out(created.key);
  return 0;
};
