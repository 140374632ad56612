[% if app.auth.enabled or (app.api != "routes" and app.resources) %]
import Link from 'next/link'

[% endif %]
export default function HomePage() {
  return (
    <main>
      <h1>[[ app.title ]]</h1>
[% if app.api == "routes" %]
      <p>A layered Next.js app: route handlers, services, a data access layer and Drizzle.</p>
[% elif app.api == "actions" %]
      <p>
        A layered Next.js app: pages, server actions, services, a data access layer and Drizzle.
      </p>
[% else %]
      <p>
        A layered Next.js app: route handlers, pages and server actions, services, a data access
        layer and Drizzle.
      </p>
[% endif %]
      <ul>
[% if app.auth.enabled %]
        <li>
          <Link href="/register">Create an account</Link>
        </li>
        <li>
          <Link href="/login">Sign in</Link>
        </li>
        <li>
          <Link href="/dashboard">Dashboard</Link>
        </li>
[% endif %]
[% for resource in app.resources %]
        <li>
[% if app.api == "routes" %]
          <code>/api/[[ resource.names.plural_kebab ]]</code>
[% else %]
          <Link href="/[[ resource.names.plural_kebab ]]">[[ resource.names.plural_human | capitalize ]]</Link>
[% endif %]
        </li>
[% endfor %]
        <li>
          <a href="/openapi.json">OpenAPI document</a>
        </li>
      </ul>
    </main>
  )
}
