/** Runs once as each server starts; the checks need Node.js, so they live in their own module. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./instrumentation-node')
  }
}
