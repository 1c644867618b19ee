import { type AccountIndex, indexAccounts, type Reservation } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { toAccountNode } from '../queries/accounts.js';
import { toReservation, treeSnapshotsOfAccounts, treeVersions } from '../queries/reservations.js';

/** What the reservation check looks at: one account tree and its active reservations. */
export interface AccountTreeState {
  rootId: string;
  accounts: AccountIndex;
  reservations: readonly Reservation[];
}

interface CachedTree extends AccountTreeState {
  /** The tree's version and the epoch when this copy was read (bigints as text). */
  version: string;
  epoch: string;
}

export interface AccountTreeCacheOptions {
  /** Trees kept in memory; the oldest copy goes first. @default 10_000 */
  maxTrees?: number;
  /** Accounts kept in memory over all trees. @default 200_000 */
  maxAccounts?: number;
}

export interface AccountTreeCache {
  /**
   * The account's tree as committed when the call began, on this or any other instance, or
   * `null` when the account does not exist.
   */
  treeOf(accountId: string): Promise<AccountTreeState | null>;
  /**
   * Since the start: checks answered from memory (`hits`) and from a fresh read (`loads`), and
   * the statements that served them (each serves every check waiting at the time).
   */
  readonly stats: { hits: number; loads: number; versionReads: number; treeReads: number };
}

/**
 * Runs `fetch` for many callers at once: a caller joins the next batch, never one already sent,
 * so what it gets was read after it asked. One batch runs at a time; the callers that arrive
 * meanwhile share the following one, which starts after pending I/O was read (`setImmediate`),
 * so requests that came in together share a statement even on PGlite, where a statement can
 * finish before the next request is parsed. Under load, 50 concurrent checks cost about one.
 */
/** Batches that may run at once (measured: more than one gains nothing, with more statements). */
const MAX_BATCHES_IN_FLIGHT = 1;

const batched = <V>(
  fetch: (keys: string[]) => Promise<V>,
  counter: { count: number },
): ((key: string) => Promise<V>) => {
  interface Batch {
    keys: Set<string>;
    result: Promise<V>;
    settle: (result: Promise<V>) => void;
  }
  let next: Batch | null = null;
  let running = 0;
  const run = () => {
    if (running >= MAX_BATCHES_IN_FLIGHT || next === null) return;
    const batch = next;
    next = null;
    running += 1;
    counter.count += 1;
    const result = fetch([...batch.keys]);
    batch.settle(result);
    result
      .catch(() => undefined)
      .finally(() => {
        running -= 1;
        if (next !== null) setImmediate(run);
      });
  };
  return (key) => {
    if (next === null) {
      let settle: Batch['settle'] = () => undefined;
      const result = new Promise<V>((resolve) => {
        settle = resolve;
      });
      next = { keys: new Set(), result, settle };
      if (running < MAX_BATCHES_IN_FLIGHT) setImmediate(run);
    }
    next.keys.add(key);
    return next.result;
  };
};

/**
 * Account trees for the reservation check, kept in memory and never trusted blindly: a copy is
 * served only when the tree's version, read after the request began, still equals the version
 * the copy was read at. Every change to a tree's accounts or reservations bumps that version in
 * its own transaction (database triggers, migration 004), so a reservation committed through
 * any instance is seen by the next check on every instance, and a release frees the account as
 * promptly. What the cache saves is the tree itself: a version check is one small statement
 * shared by all concurrent checks, instead of a tree query each.
 */
export const createAccountTreeCache = (
  db: Queryable,
  options: AccountTreeCacheOptions = {},
): AccountTreeCache => {
  const maxTrees = options.maxTrees ?? 10_000;
  const maxAccounts = options.maxAccounts ?? 200_000;
  const trees = new Map<string, CachedTree>();
  /** The tree each cached account belongs to, as of that tree's copy. */
  const rootOf = new Map<string, string>();
  let accountCount = 0;
  const stats = { hits: 0, loads: 0 };
  const versionReads = { count: 0 };
  const treeReads = { count: 0 };
  const readVersions = batched((rootIds) => treeVersions(db, rootIds), versionReads);
  const readTrees = batched((accountIds) => treeSnapshotsOfAccounts(db, accountIds), treeReads);

  const forget = (tree: CachedTree) => {
    trees.delete(tree.rootId);
    for (const id of tree.accounts.keys()) if (rootOf.get(id) === tree.rootId) rootOf.delete(id);
    accountCount -= tree.accounts.size;
  };

  const keep = (tree: CachedTree) => {
    const held = trees.get(tree.rootId);
    if (held) {
      // Two loads may finish out of order: keep the newer copy (versions only grow).
      if (held.epoch === tree.epoch && BigInt(held.version) > BigInt(tree.version)) return;
      forget(held);
    }
    trees.set(tree.rootId, tree);
    for (const id of tree.accounts.keys()) rootOf.set(id, tree.rootId);
    accountCount += tree.accounts.size;
    for (const oldest of trees.values()) {
      if (trees.size <= maxTrees && accountCount <= maxAccounts) break;
      forget(oldest);
    }
  };

  const load = async (accountId: string): Promise<AccountTreeState | null> => {
    stats.loads += 1;
    const snapshot = (await readTrees(accountId)).get(accountId);
    if (!snapshot) return null;
    const tree: CachedTree = {
      rootId: snapshot.rootId,
      version: snapshot.version,
      epoch: snapshot.epoch,
      accounts: indexAccounts(snapshot.accounts.map(toAccountNode)),
      reservations: snapshot.reservations.map(toReservation),
    };
    keep(tree);
    return tree;
  };

  return {
    get stats() {
      return { ...stats, versionReads: versionReads.count, treeReads: treeReads.count };
    },
    async treeOf(accountId) {
      const rootId = rootOf.get(accountId);
      const cached = rootId === undefined ? undefined : trees.get(rootId);
      if (cached?.accounts.has(accountId)) {
        const versions = await readVersions(cached.rootId);
        if (
          (versions.get(cached.rootId) ?? '0') === cached.version &&
          (versions.get('*') ?? '0') === cached.epoch
        ) {
          stats.hits += 1;
          return cached;
        }
      }
      return load(accountId);
    },
  };
};
