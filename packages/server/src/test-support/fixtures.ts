import { accountKeys, normalizeAccountName, normalizeDomain, type Role } from '@openprm/core';
import { sha256Hex } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { insertAccount } from '../queries/accounts.js';

/** API keys of the test world, one per role (and partner); stored hashed like real keys. */
export const TEST_KEYS = {
  vendor: 'test_key_vendor_admin',
  manager: 'test_key_channel_manager',
  partner1: 'test_key_partner1_admin',
  partner2: 'test_key_partner2_admin',
  rep1: 'test_key_partner1_rep',
} as const;

export type TestCaller = keyof typeof TEST_KEYS;

export const TEST_CALLERS: Record<TestCaller, { role: Role; partnerId: string | null }> = {
  vendor: { role: 'vendor_admin', partnerId: null },
  manager: { role: 'channel_manager', partnerId: null },
  partner1: { role: 'partner_admin', partnerId: 'ptr_north' },
  partner2: { role: 'partner_admin', partnerId: 'ptr_contoso' },
  rep1: { role: 'partner_rep', partnerId: 'ptr_north' },
};

export const IDS = {
  partner1: 'ptr_north',
  partner2: 'ptr_contoso',
  globex: 'acc_globex',
  globexDe: 'acc_globex_de',
  globexMunich: 'acc_globex_muc',
  globexUs: 'acc_globex_us',
  initech: 'acc_initech',
  initechLab: 'acc_initech_lab',
  umbrella: 'acc_umbrella',
} as const;

const ACCOUNTS = [
  {
    id: IDS.globex,
    name: 'Globex Corporation',
    domain: 'globex.com',
    parentId: null,
    country: 'US',
    region: 'NA',
  },
  {
    id: IDS.globexDe,
    name: 'Globex Deutschland GmbH',
    domain: 'globex.de',
    parentId: IDS.globex,
    country: 'DE',
    region: 'EMEA',
  },
  {
    id: IDS.globexMunich,
    name: 'Globex Munich Office',
    domain: null,
    parentId: IDS.globexDe,
    country: 'DE',
    region: 'EMEA',
  },
  {
    id: IDS.globexUs,
    name: 'Globex US Inc.',
    domain: null,
    parentId: IDS.globex,
    country: 'US',
    region: 'NA',
  },
  {
    id: IDS.initech,
    name: 'Initech, Inc.',
    domain: 'initech.com',
    parentId: null,
    country: 'US',
    region: 'NA',
    vendorDirect: true,
  },
  {
    id: IDS.initechLab,
    name: 'Initech Labs',
    domain: null,
    parentId: IDS.initech,
    country: 'US',
    region: 'NA',
  },
  {
    id: IDS.umbrella,
    name: 'Umbrella plc',
    domain: 'umbrella.co.uk',
    parentId: null,
    country: 'GB',
    region: 'EMEA',
  },
] as const;

const rootOf = (id: string): string => {
  const account = ACCOUNTS.find((a) => a.id === id);
  return account?.parentId ? rootOf(account.parentId) : id;
};

/** A small, readable world for tests: two partners, a few account trees, a key per role. */
export const seedTestWorld = async (db: Queryable, now: Date) => {
  for (const [id, name, segment] of [
    [IDS.partner1, 'Northwind Systems', 'reseller'],
    [IDS.partner2, 'Contoso Partners', 'distributor'],
  ] as const) {
    await db.query(
      `insert into partners (id, name, segment, region, countries, skills, certifications, offices, profile_updated_at, created_at)
       values ($1, $2, $3, 'EMEA', '["DE","AT"]', '[]', '[]', '[]', $4, $4)`,
      [id, name, segment, now],
    );
  }
  for (const [caller, key] of Object.entries(TEST_KEYS) as [TestCaller, string][]) {
    const { role, partnerId } = TEST_CALLERS[caller];
    await db.query(
      'insert into api_keys (id, key_hash, name, role, partner_id, created_at) values ($1, $2, $3, $4, $5, $6)',
      [`key_${caller}`, sha256Hex(key), `Test ${caller}`, role, partnerId, now],
    );
  }
  for (const account of ACCOUNTS) {
    await insertAccount(db, {
      id: account.id,
      name: account.name,
      normalizedName: normalizeAccountName(account.name),
      domain: account.domain,
      normalizedDomain: account.domain ? normalizeDomain(account.domain) : null,
      lookupKeys: [
        ...accountKeys({
          name: account.name,
          ...(account.domain ? { domain: account.domain } : {}),
        }),
      ],
      parentId: account.parentId,
      rootId: rootOf(account.id),
      vendorDirect: 'vendorDirect' in account ? account.vendorDirect : false,
      country: account.country,
      region: account.region,
      createdAt: now,
    });
  }
};
