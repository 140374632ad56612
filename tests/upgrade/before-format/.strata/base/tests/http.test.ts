import { NextRequest } from 'next/server'
import { describe, expect, it, vi } from 'vitest'
import { ServiceError } from '@/lib/errors'
import { MAX_BODY_BYTES, errorResponse, parseJson } from '@/lib/http'

function post(body: string, contentType?: string): NextRequest {
  const headers = new Headers()
  if (contentType) {
    headers.set('content-type', contentType)
  }
  return new NextRequest('http://localhost/api/anything', { method: 'POST', headers, body })
}

/** The status a route handler would answer for this body: 200 when it parses. */
async function statusOf(request: NextRequest): Promise<number> {
  try {
    await parseJson(request)
    return 200
  } catch (error) {
    return error instanceof ServiceError ? error.status : 500
  }
}

describe('parseJson', () => {
  it('reads JSON, with or without a charset, and +json types', async () => {
    expect(await parseJson(post('{"a":1}', 'application/json'))).toEqual({ a: 1 })
    expect(await statusOf(post('{}', 'application/json; charset=utf-8'))).toBe(200)
    expect(await statusOf(post('{}', 'application/merge-patch+json'))).toBe(200)
  })

  it('answers 415 for any other media type, or none', async () => {
    expect(await statusOf(post('{}', 'text/plain'))).toBe(415)
    expect(await statusOf(post('a=1', 'application/x-www-form-urlencoded'))).toBe(415)
    expect(await statusOf(post('{}', 'application/jsonp'))).toBe(415)
    expect(await statusOf(post('{}'))).toBe(415)
  })

  it('answers 413 over 100 kB', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES) })
    expect(await statusOf(post(big, 'application/json'))).toBe(413)
  })

  it('answers 400 for malformed JSON', async () => {
    expect(await statusOf(post('{"a":', 'application/json'))).toBe(400)
  })
})

describe('errorResponse', () => {
  it('logs an unexpected error and answers a bare 500, with nothing of its message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const error = new Error('relation "users" does not exist at /app/src/dal/users/user.dal.ts')
    const response = errorResponse(error)
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const text = await response.text()
    for (const leak of ['users', 'relation', 'does not exist', 'user.dal', 'at /']) {
      expect(text).not.toContain(leak)
    }
    expect(log).toHaveBeenCalledWith(error)
    log.mockRestore()
  })
})
