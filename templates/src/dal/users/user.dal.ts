import 'server-only'
import { eq } from 'drizzle-orm'
import { users } from '@/db/schema'
import { getDb } from '@/lib/db'
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

export async function findUserCredentialsByEmail(
  email: string,
): Promise<UserCredentials | undefined> {
  const db = await getDb()
  const [credentials] = await db
    .select({
      id: users.id,
      role: users.role,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.email, email))
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
