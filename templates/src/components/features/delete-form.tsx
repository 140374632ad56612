'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { FieldError } from '@/components/ui/field-error'
import type { FormState } from '@/types'

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>
}

/** A delete button; a refusal (not allowed, already gone) shows beside it. */
export function DeleteForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined)

  return (
    <form action={formAction}>
      <FieldError messages={state?.message ? [state.message] : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Deleting…' : 'Delete'}
      </Button>
    </form>
  )
}
