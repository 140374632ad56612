import Link from 'next/link'
[% if app.auth.enabled %]
import { logoutAction } from '@/app/dashboard/actions'
import { currentUser } from '@/app/session'
import { Button, buttonVariants } from '@/components/ui/button'
[% endif %]
[% if app.api != "routes" and app.resources %]

const links = [
[% for resource in app.resources %]
  { href: '/[[ resource.names.plural_kebab ]]', label: '[[ resource.names.plural_human | capitalize ]]' },
[% endfor %]
]
[% endif %]

[% if app.auth.enabled %]
export async function SiteHeader() {
  const user = await currentUser()

[% else %]
export function SiteHeader() {
[% endif %]
  return (
    <header className="border-b">
      <div className="mx-auto flex min-h-14 w-full max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/" className="font-semibold">
          [[ app.title ]]
        </Link>
[% if app.api != "routes" and app.resources %]
        <nav aria-label="Main" className="flex flex-wrap gap-4 text-sm">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="hover:underline">
              {link.label}
            </Link>
          ))}
        </nav>
[% endif %]
        <div className="ml-auto flex items-center gap-3 text-sm">
[% if app.auth.enabled %]
          {user ? (
            <>
              <Link href="/dashboard" className="hover:underline">
                {user.email}
              </Link>
              <form action={logoutAction}>
                <Button type="submit" variant="outline" size="sm">
                  Sign out
                </Button>
              </form>
            </>
          ) : (
            <>
              <Link href="/login" className="hover:underline">
                Sign in
              </Link>
              <Link href="/register" className={buttonVariants({ size: 'sm' })}>
                Register
              </Link>
            </>
          )}
[% else %]
          <a href="/openapi.json" className="hover:underline">
            API
          </a>
[% endif %]
        </div>
      </div>
    </header>
  )
}
