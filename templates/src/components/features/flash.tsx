'use client'

import { useEffect } from 'react'
import { Alert, AlertDescription } from '@/components/ui/alert'

const notices = {
  created: 'created',
  updated: 'saved',
  deleted: 'deleted',
} as const

type Notice = keyof typeof notices

function isNotice(value: unknown): value is Notice {
  return typeof value === 'string' && value in notices
}

type Props = {
  /** The `?notice=` a server action redirected with. */
  notice?: string | string[]
  /** What was created, saved or deleted: `Post`. */
  subject: string
}

/**
 * The outcome of the last create, update or delete, shown once: the notice leaves the address
 * bar, so that reloading or sharing the page does not show it again.
 */
export function Flash({ notice, subject }: Props) {
  useEffect(() => {
    if (!isNotice(notice)) {
      return
    }
    const url = new URL(window.location.href)
    url.searchParams.delete('notice')
    window.history.replaceState(window.history.state, '', url)
  }, [notice])

  if (!isNotice(notice)) {
    return null
  }
  return (
    <Alert variant="success" role="status">
      <AlertDescription>
        {subject} {notices[notice]}.
      </AlertDescription>
    </Alert>
  )
}
