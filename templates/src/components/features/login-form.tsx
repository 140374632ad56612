'use client'

import { useActionState } from 'react'
import { loginAction } from '@/app/(auth)/login/actions'
import { Button } from '@/components/ui/button'
import { FieldError } from '@/components/ui/field-error'
import { Input } from '@/components/ui/input'

export function LoginForm() {
  const [state, action, pending] = useActionState(loginAction, undefined)

  return (
    <form action={action}>
      <label>
        Email
        <Input name="email" type="email" autoComplete="email" required />
        <FieldError messages={state?.errors?.email} />
      </label>
      <label>
        Password
        <Input name="password" type="password" autoComplete="current-password" required />
        <FieldError messages={state?.errors?.password} />
      </label>
      <FieldError messages={state?.message ? [state.message] : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
