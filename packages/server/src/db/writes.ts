import { createHash } from 'node:crypto';
import { prepared, type Queryable } from './database.js';

/**
 * A data-modifying statement whose rows nobody reads, without a WITH clause of its own (PostgreSQL
 * allows data-modifying CTEs only at the top level). `name` identifies its text, which is fixed;
 * parameters are `$1`, `$2`… and no `$` appears otherwise (they are renumbered when combined).
 */
export interface Write {
  name: string;
  text: string;
  params: readonly unknown[];
}

const combinedNames = new Map<string, string>();

/**
 * Runs writes as one statement, one round trip: each but the last becomes a data-modifying CTE of
 * the last. They all run: PostgreSQL executes every data-modifying CTE, referenced or not. They see
 * the database as it was before the statement and not each other's changes, so they must not depend
 * on each other, nor change the same row.
 */
export const runWrites = async (tx: Queryable, writes: readonly Write[]) => {
  if (writes.length === 0) return;
  let offset = 0;
  const texts = writes.map((write) => {
    const shift = offset;
    offset += write.params.length;
    return shift === 0
      ? write.text
      : write.text.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + shift}`);
  });
  const last = texts.pop() as string;
  const text =
    texts.length === 0 ? last : `with ${texts.map((t, i) => `w${i} as (${t})`).join(', ')} ${last}`;
  const name = combinedName(writes.map((write) => write.name));
  assertOneText(name, text);
  await tx.query(
    prepared(name, text),
    writes.flatMap((write) => write.params),
  );
};

const textOfName = new Map<string, string>();

/** A prepared statement's name stands for one text: PostgreSQL would refuse a second one. */
const assertOneText = (name: string, text: string) => {
  const known = textOfName.get(name);
  if (known === undefined) textOfName.set(name, text);
  else if (known !== text) throw new Error(`The write ${name} has more than one text.`);
};

/** A short statement name per combination (PostgreSQL cuts names at 63 bytes). */
const combinedName = (names: readonly string[]) => {
  const key = names.join('+');
  if (names.length === 1) return key;
  let name = combinedNames.get(key);
  if (!name) {
    name = `writes_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
    combinedNames.set(key, name);
  }
  return name;
};

/**
 * Writes collected along a transaction and sent together at its end (`flush`): for the tail of a
 * batch, where the services' audit entries and events and the router's stored answers would
 * otherwise take a round trip each.
 */
export const collectWrites = () => {
  const writes: Write[] = [];
  return {
    add: (...more: readonly (Write | null)[]) => {
      for (const write of more) if (write) writes.push(write);
    },
    flush: (tx: Queryable) => runWrites(tx, writes.splice(0)),
  };
};

export type Writes = ReturnType<typeof collectWrites>;
