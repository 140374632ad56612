import { Client } from 'pg'

let chosen: Promise<void> | undefined

/** `postgres://…/app` → `postgres://…/app_test_2` for the second test worker. */
function workerUrl(databaseUrl: string, worker: string): URL {
  const url = new URL(databaseUrl)
  const name = decodeURIComponent(url.pathname.slice(1)) || 'postgres'
  url.pathname = `/${encodeURIComponent(`${name}_test_${worker}`)}`
  return url
}

async function createIfMissing(databaseUrl: string, url: URL): Promise<void> {
  const name = decodeURIComponent(url.pathname.slice(1))
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`)
    }
  } finally {
    await client.end()
  }
}

/**
 * With DATABASE_URL set, points this test worker at a database of its own beside that one
 * (`<name>_test_<worker>`, created when missing and migrated on first use), so that workers
 * running side by side never see each other's rows. Without it, each worker's PGlite is its own.
 */
export function chooseWorkerDatabase(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL
  const worker = process.env.VITEST_POOL_ID ?? '1'
  chosen ??= databaseUrl
    ? createIfMissing(databaseUrl, workerUrl(databaseUrl, worker)).then(() => {
      process.env.DATABASE_URL = workerUrl(databaseUrl, worker).href
    })
    : Promise.resolve()
  return chosen
}
