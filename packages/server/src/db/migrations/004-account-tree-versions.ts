/**
 * A version per account tree, bumped in the same transaction as any change to the tree's
 * accounts or reservations (statement triggers, so every writer counts: the services, the jobs,
 * imports, the seed and hand-written SQL). A reader that cached a tree at version v may answer
 * from that copy exactly when the tree's version is still v: equal versions mean identical
 * committed data. The row `*` is an epoch for what cannot name its trees (TRUNCATE).
 *
 * A new root account (`id = root_id`) bumps nothing: no copy of its tree can exist before it.
 */
/** The statement triggers that bump the versions of the trees a change to `table` touches. */
const bumpTriggers = (table: 'accounts' | 'reservations') => /* sql */ `
create trigger ${table}_inserted_bump_tree after insert on ${table}
  referencing new table as changed_rows for each statement execute function bump_account_tree_versions();
create trigger ${table}_updated_bump_tree after update on ${table}
  referencing old table as previous_rows new table as changed_rows
  for each statement execute function bump_account_tree_versions();
create trigger ${table}_deleted_bump_tree after delete on ${table}
  referencing old table as previous_rows for each statement execute function bump_account_tree_versions();
create trigger ${table}_truncated_bump_tree after truncate on ${table}
  for each statement execute function bump_account_tree_versions();`;

export const accountTreeVersionsSchema = /* sql */ `
create table account_tree_versions (
  root_id text primary key,
  version bigint not null
);

create function bump_account_tree_versions() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    insert into account_tree_versions (root_id, version) values ('*', 1)
    on conflict (root_id) do update set version = account_tree_versions.version + 1;
  elsif tg_op = 'INSERT' then
    insert into account_tree_versions (root_id, version)
    select distinct root_id, 1 from changed_rows
    where tg_table_name <> 'accounts' or id <> root_id
    order by root_id
    on conflict (root_id) do update set version = account_tree_versions.version + 1;
  elsif tg_op = 'UPDATE' then
    insert into account_tree_versions (root_id, version)
    select root_id, 1 from (select root_id from changed_rows union select root_id from previous_rows) r
    order by root_id
    on conflict (root_id) do update set version = account_tree_versions.version + 1;
  else
    insert into account_tree_versions (root_id, version)
    select distinct root_id, 1 from previous_rows
    order by root_id
    on conflict (root_id) do update set version = account_tree_versions.version + 1;
  end if;
  return null;
end
$$;

${bumpTriggers('accounts')}
${bumpTriggers('reservations')}`;
