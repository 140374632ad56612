import 'server-only'
import { and, eq } from 'drizzle-orm'
import { accounts, users } from '@/db/schema'
import { getDb } from '@/lib/db'
import type { AccountUser, NewAccount } from './account.types'

const accountUserColumns = {
  id: users.id,
  email: users.email,
  role: users.role,
}

export async function findUserByAccount(account: NewAccount): Promise<AccountUser | undefined> {
  const db = await getDb()
  const [user] = await db
    .select(accountUserColumns)
    .from(accounts)
    .innerJoin(users, eq(accounts.userId, users.id))
    .where(
      and(
        eq(accounts.provider, account.provider),
        eq(accounts.providerUserId, account.providerUserId),
      ),
    )
  return user
}

/** A new user without a password, and the provider account they sign in with, in one go. */
export async function insertUserWithAccount(
  email: string,
  account: NewAccount,
): Promise<AccountUser> {
  const db = await getDb()
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ email }).returning(accountUserColumns)
    await tx.insert(accounts).values({ ...account, userId: user.id })
    return user
  })
}
