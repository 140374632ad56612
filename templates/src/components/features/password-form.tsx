'use client'

import { useActionState } from 'react'
import { changePasswordAction } from '@/app/dashboard/actions'
import { Button } from '@/components/ui/button'
import { Field, FieldDescription, FieldError, FieldLabel } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { Input } from '@/components/ui/input'

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, undefined)
  // After a refused submission, a field with errors is marked invalid and points at its message.
  const invalid = (name: 'currentPassword' | 'newPassword') =>
    state?.errors?.[name] ? true : undefined

  return (
    <form action={action} className="grid gap-6">
      <Field data-invalid={invalid('currentPassword')}>
        <FieldLabel htmlFor="currentPassword">Current password</FieldLabel>
        <Input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={invalid('currentPassword')}
          aria-describedby={invalid('currentPassword') ? 'currentPassword-error' : undefined}
        />
        <FieldError id="currentPassword-error" messages={state?.errors?.currentPassword} />
      </Field>
      <Field data-invalid={invalid('newPassword')}>
        <FieldLabel htmlFor="newPassword">New password</FieldLabel>
        <Input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={12}
          maxLength={128}
          required
          aria-invalid={invalid('newPassword')}
          aria-describedby={`newPassword-hint${invalid('newPassword') ? ' newPassword-error' : ''}`}
        />
        <FieldDescription id="newPassword-hint">
          12 to 128 characters. Your other sessions end.
        </FieldDescription>
        <FieldError id="newPassword-error" messages={state?.errors?.newPassword} />
      </Field>
      <FormMessage
        message={state?.changed ? 'Your password was changed.' : state?.message}
        variant={state?.changed ? 'success' : 'destructive'}
      />
      <Button type="submit" disabled={pending} className="w-fit">
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  )
}
