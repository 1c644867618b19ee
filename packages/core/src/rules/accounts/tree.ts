/**
 * The account tree: global parent → subsidiaries/divisions → offices. Reservations and
 * registrations cover an account and everything below it, so most rules ask "do these two
 * accounts lie on one branch?" — self, ancestor or descendant.
 */

export interface AccountNode {
  id: string;
  parentId: string | null;
  vendorDirect: boolean;
}

/** Look-up of accounts by id; the caller loads the relevant branch of the tree. */
export type AccountIndex = ReadonlyMap<string, AccountNode>;

export const indexAccounts = (accounts: Iterable<AccountNode>): AccountIndex =>
  new Map(Array.from(accounts, (account) => [account.id, account]));

/**
 * Ids from the account itself up to its root, self first. Stops at a missing parent or a cycle
 * (data imported from elsewhere may hold one), so it always terminates.
 */
export const pathToRoot = (index: AccountIndex, accountId: string): string[] => {
  const path: string[] = [];
  const seen = new Set<string>();
  let current: string | null = accountId;
  while (current !== null && !seen.has(current)) {
    path.push(current);
    seen.add(current);
    current = index.get(current)?.parentId ?? null;
  }
  return path;
};

export const isAncestorOrSelf = (index: AccountIndex, ancestorId: string, accountId: string) =>
  pathToRoot(index, accountId).includes(ancestorId);

/** Two accounts overlap when one is the other, or an ancestor or descendant of the other. */
export const accountsOverlap = (index: AccountIndex, a: string, b: string): boolean =>
  isAncestorOrSelf(index, a, b) || isAncestorOrSelf(index, b, a);

/** The root of the account's tree: claims on one tree are compared with each other. */
export const treeRoot = (index: AccountIndex, accountId: string): string => {
  const path = pathToRoot(index, accountId);
  return path[path.length - 1] ?? accountId;
};

/** The account itself or the nearest ancestor that is vendor-direct, if any. */
export const vendorDirectSource = (index: AccountIndex, accountId: string): string | null =>
  pathToRoot(index, accountId).find((id) => index.get(id)?.vendorDirect) ?? null;

/** Would setting `parentId` as the parent of `accountId` make a cycle? */
export const wouldCreateCycle = (
  index: AccountIndex,
  accountId: string,
  parentId: string | null,
): boolean => parentId !== null && pathToRoot(index, parentId).includes(accountId);
