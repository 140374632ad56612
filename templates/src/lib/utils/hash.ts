import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

// OWASP: argon2id with 19 MiB of memory, 2 passes, 1 lane (the @node-rs/argon2 default algorithm).
const argon2Options = {
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
}

let dummyHash: Promise<string> | undefined

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** Spends the same time as a real check, so an unknown email can't be told apart by timing. */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password that never matches')
  await verifyPassword(await dummyHash, password)
  return false
}

/** 32 random bytes, base64url: an opaque token such as a refresh token. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url')
}

/** SHA-256 of a token, hex: what the database stores instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
