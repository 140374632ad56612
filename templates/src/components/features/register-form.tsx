'use client'

import { useActionState } from 'react'
import { registerAction } from '@/app/(auth)/register/actions'
import { Button } from '@/components/ui/button'
import { Field, FieldDescription, FieldError, FieldLabel } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { Input } from '@/components/ui/input'

export function RegisterForm() {
  const [state, action, pending] = useActionState(registerAction, undefined)
  // After a refused submission, a field with errors is marked invalid and points at its message.
  const invalid = (name: 'email' | 'password') => (state?.errors?.[name] ? true : undefined)

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
          aria-describedby={invalid('email') ? 'email-error' : undefined}
        />
        <FieldError id="email-error" messages={state?.errors?.email} />
      </Field>
      <Field data-invalid={invalid('password')}>
        <FieldLabel htmlFor="password">Password</FieldLabel>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          maxLength={128}
          required
          aria-invalid={invalid('password')}
          aria-describedby={invalid('password') ? 'password-hint password-error' : 'password-hint'}
        />
        <FieldDescription id="password-hint">12 to 128 characters.</FieldDescription>
        <FieldError id="password-error" messages={state?.errors?.password} />
      </Field>
      <FormMessage message={state?.message} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  )
}
