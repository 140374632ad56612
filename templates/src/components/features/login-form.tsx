'use client'

import { useActionState } from 'react'
import { loginAction } from '@/app/(auth)/login/actions'
import { Button } from '@/components/ui/button'
import { Field, FieldError, FieldLabel } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { Input } from '@/components/ui/input'

export function LoginForm() {
  const [state, action, pending] = useActionState(loginAction, undefined)
  // After a refused submission, a field with errors is marked invalid and points at its message.
  const invalid = (name: 'email' | 'password') => (state?.errors?.[name] ? true : undefined)
  const describedBy = (name: 'email' | 'password') =>
    state?.errors?.[name] ? `${name}-error` : undefined

  return (
    <form action={action} className="grid gap-6">
      <Field data-invalid={invalid('email')}>
        <FieldLabel htmlFor="email">Email</FieldLabel>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state?.values?.email}
          aria-invalid={invalid('email')}
          aria-describedby={describedBy('email')}
        />
        <FieldError id="email-error" messages={state?.errors?.email} />
      </Field>
      <Field data-invalid={invalid('password')}>
        <FieldLabel htmlFor="password">Password</FieldLabel>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={invalid('password')}
          aria-describedby={describedBy('password')}
        />
        <FieldError id="password-error" messages={state?.errors?.password} />
      </Field>
      <FormMessage message={state?.message} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
