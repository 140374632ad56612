// Runs schemathesis, the outside judge of the API contract, against a generated app served by
// `next start`: every check, the coverage, fuzzing and stateful phases, as a signed-in user.
// Usage: node schemathesis.mjs <st-binary> <base-url> <seconds>. Exits with schemathesis' status.

import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const [st, base, seconds] = process.argv.slice(2)
if (!st || !base || !seconds) {
  console.error('usage: node schemathesis.mjs <st-binary> <base-url> <seconds>')
  process.exit(2)
}
const here = path.dirname(fileURLToPath(import.meta.url))
const document = await (await fetch(new URL('/openapi.json', base))).json()

/** A bearer token of a newly registered user, or none for an app without auth. */
async function signUp() {
  if (!document.paths['/api/auth/register']) {
    return undefined
  }
  const credentials = {
    email: `fuzz-${Date.now()}@example.com`,
    password: 'correct horse battery staple 7',
  }
  const post = (route) =>
    fetch(new URL(route, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    })
  const registered = await post('/api/auth/register')
  if (registered.status !== 201) {
    throw new Error(`register answered ${registered.status}: ${await registered.text()}`)
  }
  const { token } = await (await post('/api/auth/login')).json()
  return token
}

function run(label, token, budget, extra) {
  const args = [
    'run',
    new URL('/openapi.json', base).href,
    '--checks',
    'all',
    '--phases',
    'coverage,fuzzing,stateful',
    '--max-time',
    String(budget),
    // One worker: hypothesis describes its strategies by parsing source code, which Python
    // 3.11 before 3.11.9 can't do on two threads at once ("AST constructor recursion depth
    // mismatch").
    '--workers',
    '1',
    '--seed',
    '1',
    '--suppress-health-check',
    'all',
    '--no-color',
    // The API is judged, not the pages a redirect (a provider sign-in's) leads a browser to.
    '--max-redirects',
    '0',
    // Next.js answers TRACE with a 500 before any code of the app runs: it builds a Fetch API
    // Request for every request, and the Fetch standard forbids TRACE. It answers QUERY, a
    // method it does not know, with a 400 from each route ("Prevent RCE: only allow recognized
    // HTTP methods"); only a proxy run on every API request could turn that into a 405, and one
    // cost 25-30 % of the API's throughput (BENCHMARKS.md, section 3). flow.mjs pins both
    // answers, so these exclusions go when Next.js changes.
    '--exclude-method',
    'TRACE',
    '--exclude-method',
    'QUERY',
    ...extra,
  ]
  console.log(`schemathesis (${label}): st ${args.join(' ')}`)
  if (token) {
    args.push('--header', `Authorization: Bearer ${token}`)
  }
  const result = spawnSync(st, args, {
    // Its cache of past failures goes to target/, out of the repository.
    cwd: path.join(here, '../../target'),
    stdio: 'inherit',
    env: { ...process.env, PYTHONPATH: here, SCHEMATHESIS_HOOKS: 'schemathesis_hooks' },
  })
  return result.status ?? 1
}

const token = await signUp()
// Signing out revokes the session the rest of the run uses, so the sign-out operations are
// fuzzed on their own, last.
const signOut = ['--include-path', '/api/auth/logout', '--include-path', '/api/auth']
const status = token
  ? run('the API', token, seconds, ['--exclude-path', '/api/auth/logout', '--exclude-path', '/api/auth']) ||
    run('signing out', token, 15, signOut)
  : run('the API', undefined, seconds, [])
process.exit(status)
