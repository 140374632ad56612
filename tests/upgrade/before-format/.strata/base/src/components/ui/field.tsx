import { cn } from '@/lib/utils'
import { Label } from './label'

/** One form field: its label, control, description and error, stacked. */
function Field({ className, ...props }: React.ComponentProps<'div'>) {
  return (
    <div
      role="group"
      data-slot="field"
      className={cn('grid gap-2 data-[invalid=true]:text-destructive', className)}
      {...props}
    />
  )
}

function FieldLabel({ className, ...props }: React.ComponentProps<typeof Label>) {
  return <Label data-slot="field-label" className={cn('w-fit', className)} {...props} />
}

function FieldDescription({ className, ...props }: React.ComponentProps<'p'>) {
  return (
    <p
      data-slot="field-description"
      className={cn('text-sm text-muted-foreground', className)}
      {...props}
    />
  )
}

/**
 * The field's error, if any. Give it the id the control's `aria-describedby` names, so that a
 * screen reader reads the message with the field rather than as part of its name.
 */
function FieldError({
  className,
  messages,
  ...props
}: React.ComponentProps<'p'> & { messages?: string[] }) {
  if (!messages?.length) {
    return null
  }
  return (
    <p
      data-slot="field-error"
      className={cn('text-sm font-normal text-destructive', className)}
      {...props}
    >
      {messages.join(' ')}
    </p>
  )
}

export { Field, FieldLabel, FieldDescription, FieldError }
