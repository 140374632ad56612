import type { Metadata } from 'next'
[% if app.api != "routes" and app.resources %]
import Link from 'next/link'
[% endif %]
import { redirect } from 'next/navigation'
import { currentCaller } from '@/app/session'
import { PasswordForm } from '@/components/features/password-form'
import { PageHeader } from '@/components/layout/page-header'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'
[% if app.resources %]
import { loadIfAllowed } from '@/lib/pages'
[% endif %]
import { getCurrentUser } from '@/services/auth.service'
[% for resource in app.resources %]
import { get[[ resource.names.pascal ]]Count } from '@/services/[[ resource.names.kebab ]].service'
[% endfor %]

export const metadata: Metadata = {
  title: 'Dashboard',
}

export default async function DashboardPage() {
  // The proxy's redirect is only optimistic: the page checks the session itself.
  const caller = await currentCaller()
  if (!caller) {
    redirect('/login')
  }
  const user = await getCurrentUser(caller)
[% if app.resources %]
  // What the user may list of each resource (their own rows, where rows have owners).
  const counts = [
[% for resource in app.resources %]
[% if app.api == "routes" %]
    { label: '[[ resource.names.plural_human | capitalize ]]', href: '/api/[[ resource.names.plural_kebab ]]', count: await loadIfAllowed(() => get[[ resource.names.pascal ]]Count(caller)) },
[% else %]
    { label: '[[ resource.names.plural_human | capitalize ]]', href: '/[[ resource.names.plural_kebab ]]', count: await loadIfAllowed(() => get[[ resource.names.pascal ]]Count(caller)) },
[% endif %]
[% endfor %]
  ]
[% endif %]

  return (
    <main className="mx-auto grid w-full max-w-5xl gap-8 px-4 py-10">
      <PageHeader title="Dashboard" description={`Signed in as ${user.email} (${user.role}).`} />
[% if app.resources %]
      <section aria-labelledby="counts" className="grid gap-4">
        <h2 id="counts" className="text-lg font-semibold">
[% if app.api == "routes" %]
          Your data, by API endpoint
[% else %]
          Your data
[% endif %]
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {counts.map((item) => (
            <li key={item.href} className="grid gap-1 rounded-xl border bg-card p-5 shadow-sm">
[% if app.api == "routes" %]
              <span className="text-sm text-muted-foreground">
                {item.label} · <code>{item.href}</code>
              </span>
[% else %]
              <Link href={item.href} className="text-sm font-medium underline">
                {item.label}
              </Link>
[% endif %]
              <span className="text-3xl font-semibold tabular-nums">{item.count ?? '—'}</span>
            </li>
          ))}
        </ul>
      </section>
[% endif %]
      <Card className="max-w-xl">
        <CardHeader>
          <CardTitle>
            <h2>Change password</h2>
          </CardTitle>
          <CardDescription>Needs your current password.</CardDescription>
        </CardHeader>
        <CardContent>
          <PasswordForm />
        </CardContent>
      </Card>
    </main>
  )
}
