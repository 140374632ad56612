// The app while its PostgreSQL server is down, and after it is back.
// Usage: node outage.mjs <base-url> down|up. Exits non-zero on the first surprise.

import assert from 'node:assert/strict'

const [base, state] = process.argv.slice(2)
if (!base || !['down', 'up'].includes(state)) {
  console.error('usage: node outage.mjs <base-url> down|up')
  process.exit(2)
}

const document = await (await fetch(new URL('/openapi.json', base))).json()
/** A list any visitor may read: its answer depends on the database alone. */
const publicList = Object.entries(document.paths).find(
  ([path, item]) => path.match(/^\/api\/[^/]+$/) && item.get?.parameters && !item.get.security,
)?.[0]
assert.ok(publicList, 'the document has a public list')

async function get(path) {
  return fetch(new URL(path, base))
}

if (state === 'down') {
  assert.equal((await get('/api/health')).status, 200, 'liveness while the database is down')
  for (const path of ['/api/health/ready', publicList]) {
    const response = await get(path)
    assert.equal(response.status, 503, `${path} while the database is down`)
    assert.match(response.headers.get('retry-after') ?? '', /^\d+$/, `${path}: Retry-After`)
    assert.equal(response.headers.get('content-type'), 'application/problem+json')
    assert.equal((await response.json()).status, 503)
  }
  console.log(`ok 503 with Retry-After from /api/health/ready and ${publicList}`)
} else {
  const deadline = Date.now() + 30_000
  let ready = await get('/api/health/ready')
  while (ready.status !== 200 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    ready = await get('/api/health/ready')
  }
  assert.equal(ready.status, 200, 'ready again once the database is back')
  assert.equal((await get(publicList)).status, 200, `${publicList} once the database is back`)
  console.log('ok recovered without a restart')
}
