import Link from 'next/link'
import { buttonVariants } from '@/components/ui/button'
[% if app.resources %]

[% if app.api == "routes" %]
const endpoints = [ [% for resource in app.resources %]'/api/[[ resource.names.plural_kebab ]]', [% endfor %]]
[% else %]
const links = [
[% for resource in app.resources %]
  { href: '/[[ resource.names.plural_kebab ]]', label: '[[ resource.names.plural_human | capitalize ]]' },
[% endfor %]
]
[% endif %]
[% endif %]

export default function HomePage() {
  return (
    <main className="mx-auto grid w-full max-w-5xl gap-12 px-4 py-16">
      <section className="grid gap-4">
        <h1 className="text-4xl font-semibold tracking-tight">[[ app.title ]]</h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
[% if app.api == "routes" %]
          A layered Next.js app: route handlers, services and a data access layer.
[% elif app.api == "actions" %]
          A layered Next.js app: pages, server actions, services and a data access layer.
[% else %]
          A layered Next.js app: route handlers, pages and server actions, services and a data
          access layer.
[% endif %]
        </p>
        <div className="flex flex-wrap gap-3">
[% if app.auth.enabled %]
          <Link href="/register" className={buttonVariants()}>
            Create an account
          </Link>
          <Link href="/login" className={buttonVariants({ variant: 'outline' })}>
            Sign in
          </Link>
[% endif %]
          <a href="/openapi.json" className={buttonVariants({ variant: 'ghost' })}>
            OpenAPI document
          </a>
        </div>
      </section>
[% if app.resources %]
[% if app.api == "routes" %]
      <section aria-labelledby="endpoints" className="grid gap-4">
        <h2 id="endpoints" className="text-xl font-semibold">
          Endpoints
        </h2>
        <ul className="grid gap-2">
          {endpoints.map((path) => (
            <li key={path}>
              <code className="rounded bg-muted px-2 py-1 font-mono text-sm">{path}</code>
            </li>
          ))}
        </ul>
      </section>
[% else %]
      <section aria-labelledby="resources" className="grid gap-4">
        <h2 id="resources" className="text-xl font-semibold">
          Resources
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="block rounded-xl border bg-card p-5 font-medium shadow-sm hover:bg-accent"
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
[% endif %]
[% endif %]
    </main>
  )
}
