import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { getDb } from '@/lib/db'
import type { Role } from '@/types'
import type { NewUser, User, UserCredentials } from './user.types'

const userSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.UserSelect

export async function findUserById(id: string): Promise<User | undefined> {
  const db = await getDb()
  const user = await db.user.findUnique({ select: userSelect, where: { id } })
  return user ?? undefined
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const db = await getDb()
  const user = await db.user.findUnique({ select: userSelect, where: { email } })
  return user ?? undefined
}

const credentialSelect = {
  id: true,
  email: true,
  role: true,
  passwordHash: true,
} satisfies Prisma.UserSelect

export async function findUserCredentialsByEmail(
  email: string,
): Promise<UserCredentials | undefined> {
  const db = await getDb()
  const credentials = await db.user.findUnique({ select: credentialSelect, where: { email } })
  return credentials ?? undefined
}

export async function findUserCredentialsById(id: string): Promise<UserCredentials | undefined> {
  const db = await getDb()
  const credentials = await db.user.findUnique({ select: credentialSelect, where: { id } })
  return credentials ?? undefined
}

export async function insertUser(values: NewUser): Promise<User> {
  const db = await getDb()
  return db.user.create({ select: userSelect, data: values })
}

export async function userExists(id: string): Promise<boolean> {
  const db = await getDb()
  const user = await db.user.findUnique({ select: { id: true }, where: { id } })
  return user !== null
}

export async function updateUserPasswordHash(id: string, passwordHash: string): Promise<void> {
  const db = await getDb()
  await db.user.updateMany({ where: { id }, data: { passwordHash } })
}

/** The user with that email, now with that role; undefined when there is no such user. */
export async function updateUserRoleByEmail(email: string, role: Role): Promise<User | undefined> {
  const db = await getDb()
  const [user] = await db.user.updateManyAndReturn({
    select: userSelect,
    where: { email },
    data: { role },
  })
  return user
}
