import type { Metadata } from 'next'
import Link from 'next/link'
import { RegisterForm } from '@/components/features/register-form'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'

export const metadata: Metadata = {
  title: 'Create an account',
}

export default function RegisterPage() {
  return (
    <main className="mx-auto grid w-full max-w-md gap-6 px-4 py-16">
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl">Create an account</h1>
          </CardTitle>
          <CardDescription>Your email and a password of at least 12 characters.</CardDescription>
        </CardHeader>
        <CardContent>
          <RegisterForm />
        </CardContent>
      </Card>
      <p className="text-center text-sm text-muted-foreground">
        Already registered?{' '}
        <Link href="/login" className="text-foreground underline">
          Sign in
        </Link>
        .
      </p>
    </main>
  )
}
