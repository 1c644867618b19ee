/** Small wording helpers shared by the registration rules' explanations. */
import type { AccountIndex } from '../accounts/tree.js';

/**
 * `"Acme GmbH" (acc_12)` when the index holds full accounts with names (as `indexAccounts` keeps
 * them), else the bare id in quotes.
 */
export const describeAccount = (accounts: AccountIndex, accountId: string): string => {
  const node: object | undefined = accounts.get(accountId);
  if (node && 'name' in node && typeof node.name === 'string') {
    return `"${node.name}" (${accountId})`;
  }
  return `"${accountId}"`;
};

/** `a`, `a and b`, `a, b and c`. */
export const listInWords = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
