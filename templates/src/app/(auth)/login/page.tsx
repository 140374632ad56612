import type { Metadata } from 'next'
import Link from 'next/link'
import { LoginForm } from '@/components/features/login-form'
[% if app.auth.providers %]
import { ProviderSignIn } from '@/components/features/provider-sign-in'
[% endif %]

export const metadata: Metadata = {
  title: 'Sign in',
}
[% if app.auth.providers %]

type Props = {
  searchParams: Promise<{ error?: string | string[] }>
}

export default async function LoginPage({ searchParams }: Props) {
  const { error } = await searchParams

  return (
    <main>
      <h1>Sign in</h1>
      <LoginForm />
      <ProviderSignIn error={typeof error === 'string' ? error : undefined} />
      <p>
        No account yet? <Link href="/register">Create one</Link>.
      </p>
    </main>
  )
}
[% else %]

export default function LoginPage() {
  return (
    <main>
      <h1>Sign in</h1>
      <LoginForm />
      <p>
        No account yet? <Link href="/register">Create one</Link>.
      </p>
    </main>
  )
}
[% endif %]
