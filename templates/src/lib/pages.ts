import 'server-only'
[% if app.auth.enabled %]
import { notFound, redirect } from 'next/navigation'
import * as z from 'zod'
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '@/lib/errors'

/**
 * Runs the service call a page renders. A visitor who must sign in goes to /login; a row that
 * does not exist, or that the user may not see or change, and a list page of a malformed
 * cursor, are a 404 page.
 */
export async function loadForPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (error instanceof UnauthorizedError) {
      redirect('/login')
    }
    if (
      error instanceof NotFoundError ||
      error instanceof ForbiddenError ||
      error instanceof ValidationError ||
      error instanceof z.ZodError
    ) {
      notFound()
    }
    throw error
  }
}
[% else %]
import { notFound } from 'next/navigation'
import * as z from 'zod'
import { NotFoundError, ValidationError } from '@/lib/errors'

/**
 * Runs the service call a page renders: a row that does not exist, and a list page of a
 * malformed cursor, are a 404 page.
 */
export async function loadForPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (
      error instanceof NotFoundError ||
      error instanceof ValidationError ||
      error instanceof z.ZodError
    ) {
      notFound()
    }
    throw error
  }
}
[% endif %]
[% if app.auth.enabled %]

/** A value the user may not be allowed to see, such as a count: null when they may not. */
export async function loadIfAllowed<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load()
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof ForbiddenError) {
      return null
    }
    throw error
  }
}
[% endif %]
