import 'server-only'
import { pingDatabase } from '@/dal'
import { ServiceUnavailableError } from '@/lib/errors'

export type Health = { status: 'ok' }

/** Liveness: the process is up and answering. */
export function checkLiveness(): Health {
  return { status: 'ok' }
}

/** Readiness: the database answers a query too. Until it does, the app is not ready (503). */
export async function checkReadiness(): Promise<Health> {
  try {
    await pingDatabase()
  } catch (error) {
    console.error(error)
    throw new ServiceUnavailableError()
  }
  return { status: 'ok' }
}
