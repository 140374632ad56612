// Sends `total` POSTs with `concurrency` requests in flight, and writes what each one got.
// Usage: node driver.mjs <url> <total> <concurrency> <out.json>
// BODY (a JSON template where {n} is the request's number) and TOKEN (a bearer token) are
// optional: by default each body is {"title": "load <n>"}.

import { writeFileSync } from 'node:fs'

const [url, total, concurrency, out] = process.argv.slice(2)
const count = Number(total)
const headers = { 'content-type': 'application/json' }
if (process.env.TOKEN) {
  headers.authorization = `Bearer ${process.env.TOKEN}`
}
const results = []
let next = 0

async function worker() {
  while (next < count) {
    const n = next++
    const started = Date.now()
    let status = 0
    let id = null
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: (process.env.BODY ?? '{"title": "load {n}"}').replaceAll('{n}', String(n)),
      })
      status = response.status
      const body = await response.json().catch(() => null)
      id = status === 201 ? body?.id ?? null : null
    } catch {
      status = 0
    }
    results.push({ started, ended: Date.now(), status, id })
  }
}

await Promise.all(Array.from({ length: Number(concurrency) }, worker))
writeFileSync(out, JSON.stringify(results))
