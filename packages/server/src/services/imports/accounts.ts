import {
  accountKeys,
  CreateAccountInput,
  type ImportRowError,
  normalizeAccountName,
  normalizeDomain,
} from '@openprm/core';
import { newId } from '../../crypto.js';
import {
  accountsByKeys,
  insertAccounts,
  type NewAccountRow,
  parentRoots,
} from '../../queries/accounts-import.js';
import {
  type CellError,
  type Importer,
  missingCells,
  parseBooleanCell,
  schemaErrors,
} from './importer.js';

const REQUIRED = ['name', 'country', 'region'] as const;

/** A valid row with its look-up keys, worked out once (normalising is the costly part). */
interface AccountImportRow {
  input: CreateAccountInput;
  keys: string[];
}

/**
 * Accounts as `POST /v1/accounts` creates them: `parentId` names an account that already exists
 * (ids are assigned on import, so a row cannot point at another row of the same file), and a
 * name or domain already used under the same parent (in the database or the file) is refused.
 */
export const accountsImporter: Importer<AccountImportRow, NewAccountRow> = {
  type: 'accounts',
  required: REQUIRED,
  optional: ['domain', 'parentId', 'vendorDirect'],
  parse(cells) {
    const errors: CellError[] = missingCells(cells, REQUIRED);
    const vendorDirect =
      cells.vendorDirect === undefined ? undefined : parseBooleanCell(cells.vendorDirect);
    if (vendorDirect === null)
      errors.push({ column: 'vendorDirect', message: 'Use true or false' });
    const result = CreateAccountInput.safeParse({
      name: cells.name,
      country: cells.country?.toUpperCase(),
      region: cells.region,
      ...(cells.domain === undefined ? {} : { domain: cells.domain }),
      ...(cells.parentId === undefined ? {} : { parentId: cells.parentId }),
      ...(vendorDirect === undefined || vendorDirect === null ? {} : { vendorDirect }),
    });
    errors.push(...schemaErrors(result, errors));
    return result.success && errors.length === 0
      ? { ok: true, row: { input: result.data, keys: [...accountKeys(result.data)] } }
      : { ok: false, errors };
  },
  startPass() {
    // Exact keys (name:, domain:) under their parent → the row that used them first.
    const keysInFile = new Map<string, number>();
    return {
      async check(db, batch) {
        const parentIds = [
          ...new Set(
            batch.flatMap(({ value }) => (value.input.parentId ? [value.input.parentId] : [])),
          ),
        ];
        const roots = await parentRoots(db, parentIds);
        const exactKeys = batch.map(({ value }) =>
          value.keys.filter((key) => !key.startsWith('stem:')),
        );
        const existing = await accountsByKeys(db, [...new Set(exactKeys.flat())]);
        const errors: ImportRowError[] = [];
        const ready: NewAccountRow[] = [];
        batch.forEach(({ row, value: { input: value, keys } }, index) => {
          const parentId = value.parentId ?? null;
          const rowErrors: ImportRowError[] = [];
          if (parentId !== null && !roots.has(parentId)) {
            rowErrors.push({ row, column: 'parentId', message: `Unknown account ${parentId}` });
          }
          for (const key of exactKeys[index] ?? []) {
            const column = key.startsWith('domain:') && value.domain ? 'domain' : 'name';
            const scoped = `${parentId ?? ''}\u0000${key}`;
            const earlier = keysInFile.get(scoped);
            const stored = existing.find((a) => a.key === key && a.parent_id === parentId);
            if (earlier !== undefined) {
              rowErrors.push({ row, column, message: `Same ${column} as row ${earlier}` });
            } else if (stored) {
              rowErrors.push({
                row,
                column,
                message: `"${stored.name}" (${stored.id}) already exists with the same ${column}`,
              });
            } else {
              keysInFile.set(scoped, row);
            }
          }
          errors.push(...dedupeByColumn(rowErrors));
          if (rowErrors.length > 0) return;
          const id = newId('acc');
          ready.push({
            id,
            name: value.name,
            normalizedName: normalizeAccountName(value.name),
            domain: value.domain ?? null,
            normalizedDomain: value.domain ? normalizeDomain(value.domain) : null,
            lookupKeys: keys,
            parentId,
            rootId: parentId === null ? id : (roots.get(parentId) as string),
            vendorDirect: value.vendorDirect ?? false,
            country: value.country,
            region: value.region,
          });
        });
        return { errors, ready };
      },
      insert: (tx, ready, now) => insertAccounts(tx, ready, now),
    };
  },
};

/** One message per cell: a name that repeats both by name and by stem says so once. */
const dedupeByColumn = (errors: ImportRowError[]) =>
  errors.filter(
    (error, index) => errors.findIndex((other) => other.column === error.column) === index,
  );
