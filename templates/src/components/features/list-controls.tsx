import Link from 'next/link'
import { buttonVariants } from '@/components/ui/button'
import { TableHead } from '@/components/ui/table'
import { cn } from '@/lib/utils'

type SortableHeadProps = {
  href: string
  order: 'ascending' | 'descending' | 'none'
  children: React.ReactNode
}

/** A column header that sorts the list by its column; `aria-sort` says how it is sorted now. */
export function SortableHead({ href, order, children }: SortableHeadProps) {
  const arrow = { ascending: '↑', descending: '↓', none: '' }[order]
  return (
    <TableHead aria-sort={order}>
      <Link href={href} className="inline-flex items-center gap-1 hover:underline">
        {children}
        <span aria-hidden="true" className="w-3 text-muted-foreground">
          {arrow}
        </span>
      </Link>
    </TableHead>
  )
}

type PaginationProps = {
  previous: string | null
  next: string | null
}

/** Links to the pages before and after this one, when there are any. */
export function Pagination({ previous, next }: PaginationProps) {
  if (!previous && !next) {
    return null
  }
  const link = buttonVariants({ variant: 'outline', size: 'sm' })
  return (
    <nav aria-label="Pagination" className="flex justify-between gap-2">
      {previous ? (
        <Link href={previous} className={link}>
          Previous page
        </Link>
      ) : <span />}
      {next ? (
        <Link href={next} className={link}>
          Next page
        </Link>
      ) : null}
    </nav>
  )
}

type EmptyStateProps = {
  /** What the list holds: `posts`. */
  plural: string
  /** Whether filters are set: then no row matched them. */
  filtered: boolean
  /** Where to create the first row, and the link's text; none when the user may not. */
  href?: string
  action?: string
  className?: string
}

/** What a list shows when it has no rows: why, and what to do. */
export function EmptyState({ plural, filtered, href, action, className }: EmptyStateProps) {
  const message = filtered ? `No ${plural} match these filters.` : `No ${plural} yet.`
  return (
    <div
      className={cn(
        'flex flex-col items-center gap-4 rounded-lg border border-dashed p-10 text-center',
        className,
      )}
    >
      <p className="text-muted-foreground">{message}</p>
      {href && action ? (
        <Link href={href} className={buttonVariants({ variant: 'outline' })}>
          {action}
        </Link>
      ) : null}
    </div>
  )
}
