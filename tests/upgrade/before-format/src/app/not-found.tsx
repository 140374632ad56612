import type { Metadata } from 'next'
import Link from 'next/link'
import { buttonVariants } from '@/components/ui/button'

export const metadata: Metadata = {
  title: 'Not found',
}

export default function NotFound() {
  return (
    <main className="mx-auto grid w-full max-w-xl gap-4 px-4 py-16 text-center">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-3xl font-semibold tracking-tight">This page could not be found</h1>
      <p className="text-muted-foreground">
        It may have been deleted, or you may not have access to it.
      </p>
      <div>
        <Link href="/" className={buttonVariants({ variant: 'outline' })}>
          Go home
        </Link>
      </div>
    </main>
  )
}
