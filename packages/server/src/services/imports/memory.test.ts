import { expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { migrate } from '../../db/migrate.js';
import {
  type DatabaseHandle,
  describeOnBothDatabases,
  describeOnPostgres,
} from '../../test-support/databases.js';
import type { CsvSource } from './csv-records.js';
import { runImport } from './run-import.js';
import { createImportService } from './start-import.js';

const MiB = 1024 * 1024;

/** A generated accounts file, produced chunk by chunk: the test never holds it whole either. */
const accountsFile =
  (rows: number): CsvSource =>
  () =>
    (function* lines() {
      yield 'name,domain,country,region\n';
      for (let start = 0; start < rows; start += 1000) {
        let chunk = '';
        for (let i = start; i < Math.min(rows, start + 1000); i += 1) {
          chunk += `Generated Company ${i},company-${i}.com,DE,EMEA\n`;
        }
        yield chunk;
      }
    })();

const importAccounts = async (db: Database, rows: number) => {
  await migrate(db);
  const job = await db.transaction((tx) =>
    createImportService(tx, null, { type: 'accounts' }, new Date()),
  );
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const result = await runImport(db, job, accountsFile(rows), {
    clock: () => new Date(),
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
  });
  const [count] = await db.query<{ n: string }>(
    "select count(*) as n from accounts where name like 'Generated Company %'",
  );
  return { result, growth: peak - before, count: Number(count?.n) };
};

const flatMemorySuite = (rows: number) => (handle: DatabaseHandle) => {
  // A bound on memory, not on time: rows are streamed and written in batches, never gathered.
  it(`imports ${rows.toLocaleString('en')} accounts with the heap growing less than 150 MiB`, async () => {
    const { result, growth, count } = await importAccounts(handle.db(), rows);
    expect(result).toMatchObject({
      status: 'completed',
      rowsProcessed: rows,
      rowsCommitted: rows,
      rowsFailed: 0,
    });
    expect(count).toBe(rows);
    expect(growth).toBeLessThan(150 * MiB);
    // Generous: 100,000 rows take well under a minute on an idle PostgreSQL, far longer on a busy machine.
  }, 600_000);
};

describeOnBothDatabases('CSV import memory, 2,000 rows', flatMemorySuite(2_000));
describeOnPostgres('CSV import memory, 100,000 rows [postgres]', flatMemorySuite(100_000));
