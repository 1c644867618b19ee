import { beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases } from '../test-support/databases.js';
import { MIGRATIONS, migrate, splitStatements } from './migrate.js';

describeOnBothDatabases('migrations', (handle) => {
  let applied: string[];
  beforeAll(async () => {
    applied = await migrate(handle.db());
  });

  it('applies every migration once, in order, and nothing the second time', async () => {
    expect(applied).toEqual(MIGRATIONS.map((migration) => migration.id));
    expect(await migrate(handle.db())).toEqual([]);
  });

  it('keeps the audit trail and acceptances append-only in the database itself', async () => {
    const db = handle.db();
    await db.query(
      `insert into audit_events (id, subject_type, subject_id, at, actor, action)
       values ('aud_test', 'registration', 'reg_x', now(), '{}', 'registration.submitted')`,
    );
    await expect(
      db.query("update audit_events set action = 'x' where id = 'aud_test'"),
    ).rejects.toThrow(/append-only/);
    await expect(db.query("delete from audit_events where id = 'aud_test'")).rejects.toThrow(
      /append-only/,
    );
    expect(await db.query("select id from audit_events where id = 'aud_test'")).toHaveLength(1);
  });
});

it('splits a migration into statements, keeping function bodies whole', () => {
  const statements = splitStatements(`create table a (x int);
-- a comment; with a semicolon
create function f() returns trigger language plpgsql as $$
begin
  raise exception 'no';
end
$$;
create index b on a (x);`);
  expect(statements).toHaveLength(3);
  expect(statements[1]).toContain("raise exception 'no';");
});
