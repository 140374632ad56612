import type { Metadata } from 'next'
[% if app.api != "routes" and app.resources %]
import Link from 'next/link'
[% endif %]
import { redirect } from 'next/navigation'
import { currentActor } from '@/app/session'
import { Button } from '@/components/ui/button'
import { getCurrentUser } from '@/services/auth.service'
import { logoutAction } from './actions'

export const metadata: Metadata = {
  title: 'Dashboard',
}

export default async function DashboardPage() {
  // The proxy's redirect is only optimistic: the page checks the session itself.
  const actor = await currentActor()
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
[% if app.api == "routes" %]
      <h2>API</h2>
[% else %]
      <h2>Resources</h2>
[% endif %]
      <ul>
[% for resource in app.resources %]
        <li>
[% if app.api == "routes" %]
          <code>/api/[[ resource.names.plural_kebab ]]</code>
[% else %]
          <Link href="/[[ resource.names.plural_kebab ]]">[[ resource.names.plural_human | capitalize ]]</Link>
[% endif %]
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
