// Two `next start` processes of one app on one PostgreSQL: sessions, logouts and rate limits are
// shared, because they live in the database. Usage: node instances.mjs <base-a> <base-b> <app-dir>
// (DATABASE_URL in the environment, for `npm run user:role`). Exits non-zero on a surprise.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'

const [baseA, baseB, appDir] = process.argv.slice(2)
if (!baseA || !baseB || !appDir) {
  console.error('usage: node instances.mjs <base-a> <base-b> <app-dir>')
  process.exit(2)
}

async function call(base, method, path, { body, token } = {}) {
  const headers = {}
  if (token) {
    headers.authorization = `Bearer ${token}`
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json'
  }
  const response = await fetch(new URL(path, base), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined }
}

function expectStatus(result, status, what) {
  assert.equal(result.status, status, `${what}: expected ${status}, got ${result.status} ${JSON.stringify(result.json)}`)
  console.log(`ok ${status} ${what}`)
}

const password = 'correct horse battery staple'
const email = `shared-${Date.now()}@example.com`
expectStatus(await call(baseA, 'POST', '/api/auth/register', { body: { email, password } }), 201, 'register on A')
const login = await call(baseA, 'POST', '/api/auth/login', { body: { email, password } })
expectStatus(login, 200, 'login on A')
const token = login.json.token
expectStatus(await call(baseB, 'GET', '/api/auth/session', { token }), 200, "A's session works on B")
const post = await call(baseB, 'POST', '/api/posts', { token, body: { title: 'Written on B' } })
expectStatus(post, 201, 'write on B')
expectStatus(await call(baseA, 'GET', `/api/posts/${post.json.id}`, { token }), 200, "B's row read on A")
expectStatus(await call(baseA, 'POST', '/api/auth/logout', { token }), 204, 'logout on A')
expectStatus(await call(baseA, 'GET', '/api/auth/session', { token }), 401, 'the token on A after logout')
expectStatus(await call(baseB, 'GET', '/api/auth/session', { token }), 401, 'the token on B after logout')

const target = `target-${Date.now()}@example.com`
expectStatus(await call(baseB, 'POST', '/api/auth/register', { body: { email: target, password } }), 201, 'register on B')
for (let attempt = 0; attempt < 10; attempt += 1) {
  const base = attempt % 2 === 0 ? baseA : baseB
  const failed = await call(base, 'POST', '/api/auth/login', { body: { email: target, password: 'wrong password!' } })
  assert.equal(failed.status, 401, `failure ${attempt + 1}`)
}
console.log('ok 10 failed logins, alternating A and B')
for (const base of [baseA, baseB]) {
  const blocked = await call(base, 'POST', '/api/auth/login', { body: { email: target, password } })
  expectStatus(blocked, 429, `the account is limited on ${base === baseA ? 'A' : 'B'}`)
  assert.ok(Number(blocked.headers.get('retry-after')) > 0, 'Retry-After')
}

execFileSync('npm', ['run', '--silent', 'user:role', '--', email, 'admin'], { cwd: appDir, stdio: 'inherit' })
const admin = await call(baseB, 'POST', '/api/auth/login', { body: { email, password } })
expectStatus(admin, 200, 'login on B after npm run user:role')
const category = await call(baseA, 'POST', '/api/categories', { token: admin.json.token, body: { name: `News ${Date.now()}` } })
expectStatus(category, 201, 'the new admin creates an admin-only category on A')
console.log('two instances: all passed')
