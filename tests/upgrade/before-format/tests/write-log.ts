/**
 * Each test starts from empty tables. Emptying every table would cost each test as much as the
 * app has tables, so a trigger on each table notes the first insert into it, and a reset deletes
 * the rows of the tables written since the last one (rows of other tables that point at them go
 * with them: every foreign key cascades). A test costs what it writes, whatever the app's size.
 */

/** How the write log reaches the database: run one statement, or read a column `name`. */
export type SqlRunner = {
  run(statement: string): Promise<void>
  names(query: string): Promise<string[]>
}

const SETUP = [
  'CREATE SCHEMA IF NOT EXISTS strata_test',
  'CREATE TABLE IF NOT EXISTS strata_test.written (name text PRIMARY KEY)',
  `CREATE OR REPLACE FUNCTION strata_test.note_write() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO strata_test.written VALUES (TG_TABLE_NAME) ON CONFLICT DO NOTHING;
    RETURN NULL;
  END
  $$`,
]

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Puts the trigger on every table, and empties them all once (a PostgreSQL database outlives a run). */
async function install(sql: SqlRunner): Promise<void> {
  for (const statement of SETUP) {
    await sql.run(statement)
  }
  const tables = await sql.names(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  )
  for (const table of tables) {
    await sql.run(
      `CREATE OR REPLACE TRIGGER strata_test_written AFTER INSERT ON ${quoted(table)} ` +
        'FOR EACH STATEMENT EXECUTE FUNCTION strata_test.note_write()',
    )
  }
  if (tables.length > 0) {
    await sql.run(`TRUNCATE TABLE ${tables.map(quoted).join(', ')} CASCADE`)
  }
  await sql.run('DELETE FROM strata_test.written')
}

/** A `resetDatabase` over `sql`: installs the log on first use, then deletes what was written. */
export function writeLogReset(sql: SqlRunner): () => Promise<void> {
  let installed: Promise<void> | undefined
  return async function resetDatabase(): Promise<void> {
    installed ??= install(sql)
    await installed
    const written = await sql.names('DELETE FROM strata_test.written RETURNING name')
    for (const table of written) {
      await sql.run(`DELETE FROM ${quoted(table)}`)
    }
  }
}
