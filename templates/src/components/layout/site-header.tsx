import Link from 'next/link'

export function SiteHeader() {
  return (
    <header
      style={{
        display: 'flex',
        gap: '1rem',
        padding: '1rem',
        borderBottom: '1px solid var(--border)',
      }}
    >
      <Link href="/" style={{ fontWeight: 700 }}>
        [[ app.title ]]
      </Link>
[% if app.auth.enabled %]
      <nav style={{ display: 'flex', gap: '1rem', marginLeft: 'auto' }}>
        <Link href="/dashboard">Dashboard</Link>
        <Link href="/login">Sign in</Link>
        <Link href="/register">Register</Link>
      </nav>
[% else %]
      <nav style={{ display: 'flex', gap: '1rem', marginLeft: 'auto' }}>
        <a href="/openapi.json">API</a>
      </nav>
[% endif %]
    </header>
  )
}
