import type { Metadata } from 'next'
import Link from 'next/link'
import { LoginForm } from '@/components/features/login-form'
[% if app.auth.providers %]
import { ProviderSignIn } from '@/components/features/provider-sign-in'
[% endif %]
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'

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
    <main className="mx-auto grid w-full max-w-md gap-6 px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl">Sign in</h1>
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-6">
          <LoginForm />
          <ProviderSignIn error={typeof error === 'string' ? error : undefined} />
        </CardContent>
      </Card>
      <p className="text-center text-sm text-muted-foreground">
        No account yet?{' '}
        <Link href="/register" className="text-foreground underline">
          Create one
        </Link>
        .
      </p>
    </main>
  )
}
[% else %]

export default function LoginPage() {
  return (
    <main className="mx-auto grid w-full max-w-md gap-6 px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl">Sign in</h1>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <LoginForm />
        </CardContent>
      </Card>
      <p className="text-center text-sm text-muted-foreground">
        No account yet?{' '}
        <Link href="/register" className="text-foreground underline">
          Create one
        </Link>
        .
      </p>
    </main>
  )
}
[% endif %]
