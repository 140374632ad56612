'use client'

import { useActionState, useRef } from 'react'
import { Button } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/form-message'
import type { FormState } from '@/types'

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>
  /** What is deleted, in words: `post`. */
  subject: string
}

/** A delete button that asks first, in a modal dialog; a refusal shows beside the button. */
export function DeleteForm({ action, subject }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined)
  const dialog = useRef<HTMLDialogElement>(null)

  return (
    <div className="grid gap-2">
      <FormMessage message={state?.message} />
      <Button
        type="button"
        variant="destructive"
        className="w-fit"
        onClick={() => dialog.current?.showModal()}
      >
        Delete
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-title"
        className="m-auto max-w-md rounded-lg border bg-background p-6 text-foreground shadow-lg backdrop:bg-black/50"
      >
        <h2 id="delete-title" className="text-lg font-semibold">
          Delete this {subject}?
        </h2>
        <p className="mt-2 text-sm text-muted-foreground">This cannot be undone.</p>
        <form action={formAction} className="mt-6 flex justify-end gap-2">
          <Button type="button" variant="outline" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" variant="destructive" disabled={pending}>
            {pending ? 'Deleting…' : 'Delete'}
          </Button>
        </form>
      </dialog>
    </div>
  )
}
