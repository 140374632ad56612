import type { Metadata } from 'next'
import Link from 'next/link'
import { LoginForm } from '@/components/features/login-form'

export const metadata: Metadata = {
  title: 'Sign in',
}

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
