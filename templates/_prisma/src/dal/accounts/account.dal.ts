import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { getDb } from '@/lib/db'
import type { AccountUser, NewAccount } from './account.types'

const accountUserSelect = {
  id: true,
  email: true,
  role: true,
} satisfies Prisma.UserSelect

export async function findUserByAccount(account: NewAccount): Promise<AccountUser | undefined> {
  const db = await getDb()
  const found = await db.account.findFirst({
    select: { user: { select: accountUserSelect } },
    where: { provider: account.provider, providerUserId: account.providerUserId },
  })
  return found?.user
}

/** A new user without a password, and the provider account they sign in with, in one go. */
export async function insertUserWithAccount(
  email: string,
  account: NewAccount,
): Promise<AccountUser> {
  const db = await getDb()
  return db.user.create({
    select: accountUserSelect,
    data: { email, accounts: { create: account } },
  })
}
