import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { Button } from '@/components/ui/button'
import { [[ "ACCESS_TOKEN_COOKIE" if app.auth.strategy == "jwt" else "SESSION_COOKIE" ]] } from '@/lib/utils/auth'
import { authenticateToken, getCurrentUser } from '@/services/auth.service'
import { logoutAction } from './actions'

export const metadata: Metadata = {
  title: 'Dashboard',
}

export default async function DashboardPage() {
  // The proxy's redirect is only optimistic: the page checks the session itself.
  const cookieStore = await cookies()
  const actor = await authenticateToken(cookieStore.get([[ "ACCESS_TOKEN_COOKIE" if app.auth.strategy == "jwt" else "SESSION_COOKIE" ]])?.value ?? null)
  if (!actor) {
    redirect('/login')
  }
  const user = await getCurrentUser(actor)

  return (
    <main>
      <h1>Dashboard</h1>
      <p>
        Signed in as <strong>{user.email}</strong> ({user.role}).
      </p>
[% if app.resources | length > 0 %]
      <h2>API</h2>
      <ul>
[% for resource in app.resources %]
        <li>
          <code>/api/[[ resource.names.plural_kebab ]]</code>
        </li>
[% endfor %]
      </ul>
[% endif %]
      <form action={logoutAction}>
        <Button type="submit">Sign out</Button>
      </form>
    </main>
  )
}
