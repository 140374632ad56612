'use client'

import { useActionState } from 'react'
import { registerAction } from '@/app/(auth)/register/actions'
import { Button } from '@/components/ui/button'
import { FieldError } from '@/components/ui/field-error'
import { Input } from '@/components/ui/input'

export function RegisterForm() {
  const [state, action, pending] = useActionState(registerAction, undefined)

  return (
    <form action={action}>
      <label>
        Email
        <Input name="email" type="email" autoComplete="email" required />
        <FieldError messages={state?.errors?.email} />
      </label>
      <label>
        Password (12 to 128 characters)
        <Input
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          maxLength={128}
          required
        />
        <FieldError messages={state?.errors?.password} />
      </label>
      <FieldError messages={state?.message ? [state.message] : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  )
}
