/**
 * A hot statement that PostgreSQL parses and plans once per connection, then only binds and runs
 * (`prepared`): for queries whose planning costs more than running them. Its result columns
 * must not depend on the table definitions (no `*` or `returning *` at the top level), since a
 * prepared statement cannot change its result type when a migration adds a column.
 */
export interface NamedStatement {
  name: string;
  text: string;
}

/** A statement to prepare once per connection on PostgreSQL; PGlite runs it as plain text. */
export const prepared = (name: string, text: string): NamedStatement => ({ name, text });

/** The little the services need from a database; PGlite and PostgreSQL both provide it. */
export interface Queryable {
  query<Row = Record<string, unknown>>(
    sql: string | NamedStatement,
    params?: readonly unknown[],
  ): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
