// The app while its PostgreSQL server is down, and after it is back.
// Usage: node outage.mjs <base-url> down|up
//        node outage.mjs <base-url> writes <fixture>
// `writes` signs up, prints "writing" once its writers are under way, and creates rows with 40
// writers until its stdin closes (the caller stops and starts the server meanwhile); then every
// answer must have been 201 or a 503 problem with Retry-After, every row acknowledged with a 201
// must read back, and the same server must be ready again. Exits non-zero on the first surprise.

import assert from 'node:assert/strict'

const [base, state, fixture] = process.argv.slice(2)
if (!base || !['down', 'up', 'writes'].includes(state) || (state === 'writes' && !fixture)) {
  console.error('usage: node outage.mjs <base-url> down|up, or <base-url> writes <fixture>')
  process.exit(2)
}

const document = await (await fetch(new URL('/openapi.json', base))).json()
/** A list any visitor may read: its answer depends on the database alone. */
const publicList = Object.entries(document.paths).find(
  ([path, item]) => path.match(/^\/api\/[^/]+$/) && item.get?.parameters && !item.get.security,
)?.[0]
assert.ok(publicList, 'the document has a public list')

async function get(path, headers = {}) {
  return fetch(new URL(path, base), { headers })
}

/** Polls readiness until it answers 200, for up to 30 s. */
async function waitUntilReady() {
  const deadline = Date.now() + 30_000
  let ready = await get('/api/health/ready')
  while (ready.status !== 200 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    ready = await get('/api/health/ready')
  }
  assert.equal(ready.status, 200, 'ready again once the database is back')
}

/** A resource of each fixture that needs no other row, and a valid new one of it. */
const writable = {
  lending: {
    path: '/api/people',
    body: (n, run) => ({ fullName: `Outage ${n}`, emailAddress: `outage-${run}-${n}@example.com` }),
  },
  field_survey: {
    path: '/api/observation-sites',
    body: (n, run) => ({ label: `Outage ${run} ${n}`, habitat: 'wetland', coordinates: { n } }),
  },
}

/** A bearer token of a new user, or no header for an app without auth. */
async function signUp(run) {
  if (!document.paths['/api/auth/register']) {
    return {}
  }
  const credentials = {
    email: `outage-${run}@example.com`,
    password: 'correct horse battery staple',
  }
  const post = (path) =>
    fetch(new URL(path, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    })
  const registered = await post('/api/auth/register')
  assert.equal(registered.status, 201, `register: ${await registered.text()}`)
  const login = await post('/api/auth/login')
  assert.equal(login.status, 200, 'login')
  return { authorization: `Bearer ${(await login.json()).token}` }
}

async function writes() {
  const resource = writable[fixture]
  assert.ok(resource, `no writable resource named for fixture ${fixture}`)
  const run = Date.now()
  const auth = await signUp(run)
  let open = true
  process.stdin.on('end', () => {
    open = false
  })
  process.stdin.resume()

  const answers = []
  let next = 0
  async function writer() {
    while (open) {
      const n = next++
      const response = await fetch(new URL(resource.path, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify(resource.body(n, run)),
      })
      const body = await response.json().catch(() => null)
      answers.push({
        n,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        contentType: response.headers.get('content-type'),
        id: response.status === 201 ? body?.id : undefined,
      })
      // Paced, so that a few hundred requests span the restart.
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  const writers = Array.from({ length: 40 }, writer)
  console.log('writing')
  await Promise.all(writers)

  const counts = {}
  for (const answer of answers) {
    counts[answer.status] = (counts[answer.status] ?? 0) + 1
    assert.ok(
      [201, 503].includes(answer.status),
      `create ${answer.n} answered ${answer.status}: only 201 or 503 while the database restarts`,
    )
    if (answer.status === 503) {
      assert.match(answer.retryAfter ?? '', /^\d+$/, `create ${answer.n}: Retry-After`)
      assert.equal(answer.contentType, 'application/problem+json', `create ${answer.n}: a problem`)
    }
  }
  assert.ok(counts[503] > 0, `no create answered 503: the restart missed the writes (${JSON.stringify(counts)})`)
  assert.ok(counts[201] > 0, 'no create answered 201')

  await waitUntilReady()
  const acknowledged = answers.filter((answer) => answer.status === 201)
  for (let i = 0; i < acknowledged.length; i += 20) {
    const batch = acknowledged.slice(i, i + 20)
    const reads = await Promise.all(batch.map(({ id }) => get(`${resource.path}/${id}`, auth)))
    reads.forEach((read, j) => {
      assert.equal(read.status, 200, `row ${batch[j].id}, acknowledged with a 201, reads back`)
    })
  }
  console.log(
    `ok ${answers.length} creates while PostgreSQL restarted: ${counts[201]} × 201, ` +
      `${counts[503]} × 503 with Retry-After; all ${acknowledged.length} acknowledged rows read back`,
  )
}

if (state === 'writes') {
  await writes()
} else if (state === 'down') {
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
  await waitUntilReady()
  assert.equal((await get(publicList)).status, 200, `${publicList} once the database is back`)
  console.log('ok recovered without a restart')
}
