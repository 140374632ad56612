import 'server-only'
import { eq } from 'drizzle-orm'
import { users } from '@/db/schema'
import { getDb } from '@/lib/db'
import type { Role } from '@/types'
import type { NewUser, User, UserCredentials } from './user.types'

const userColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
}

export async function findUserById(id: string): Promise<User | undefined> {
  const db = await getDb()
  const [user] = await db.select(userColumns).from(users).where(eq(users.id, id))
  return user
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const db = await getDb()
  const [user] = await db.select(userColumns).from(users).where(eq(users.email, email))
  return user
}

const credentialColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
  passwordHash: users.passwordHash,
}

export async function findUserCredentialsByEmail(
  email: string,
): Promise<UserCredentials | undefined> {
  const db = await getDb()
  const [credentials] = await db.select(credentialColumns).from(users).where(eq(users.email, email))
  return credentials
}

export async function findUserCredentialsById(id: string): Promise<UserCredentials | undefined> {
  const db = await getDb()
  const [credentials] = await db.select(credentialColumns).from(users).where(eq(users.id, id))
  return credentials
}

export async function insertUser(values: NewUser): Promise<User> {
  const db = await getDb()
  const [user] = await db.insert(users).values(values).returning(userColumns)
  return user
}

export async function userExists(id: string): Promise<boolean> {
  const db = await getDb()
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, id))
  return rows.length > 0
}

export async function updateUserPasswordHash(id: string, passwordHash: string): Promise<void> {
  const db = await getDb()
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, id))
}

/** The user with that email, now with that role; undefined when there is no such user. */
export async function updateUserRoleByEmail(email: string, role: Role): Promise<User | undefined> {
  const db = await getDb()
  const [user] = await db
    .update(users)
    .set({ role, updatedAt: new Date() })
    .where(eq(users.email, email))
    .returning(userColumns)
  return user
}
