import { expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

it('migrates both', async () => {
  for (const open of [
    () => openPglite(),
    () => openPostgres('postgres://postgres@127.0.0.1:5432/test'),
  ]) {
    const db = await open();
    if (db.kind === 'postgres') await db.exec('drop schema public cascade; create schema public;');
    expect(await migrate(db)).toEqual(['001-initial']);
    expect(await migrate(db)).toEqual([]);
    await db.query(
      `insert into audit_events (id, subject_type, subject_id, at, actor, action) values ('a','x','y',now(),'{}','t')`,
    );
    await expect(db.query(`delete from audit_events`)).rejects.toThrow(/append-only/);
    await db.close();
  }
}, 60000);
