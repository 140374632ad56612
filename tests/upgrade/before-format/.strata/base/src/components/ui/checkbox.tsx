import { cn } from '@/lib/utils'

/** A native checkbox in the theme's colours (shadcn's is a Radix button; this one posts as-is). */
function Checkbox({ className, ...props }: Omit<React.ComponentProps<'input'>, 'type'>) {
  return (
    <input
      type="checkbox"
      data-slot="checkbox"
      className={cn(
        'peer size-4 shrink-0 rounded-[4px] border border-input accent-primary shadow-xs outline-none disabled:cursor-not-allowed disabled:opacity-50',
        'focus-visible:ring-[3px] focus-visible:ring-ring/50',
        'aria-invalid:border-destructive aria-invalid:ring-destructive/20',
        className,
      )}
      {...props}
    />
  )
}

export { Checkbox }
