import { Alert, AlertDescription } from '@/components/ui/alert'
import { buttonVariants } from '@/components/ui/button'
import type { OAuthFailure } from '@/lib/errors'
import { configuredProviders } from '@/lib/oauth'

const failures: Record<OAuthFailure, string> = {
  invalid_state: 'That sign-in expired or did not start here. Try again.',
  provider_error: 'The provider did not complete the sign-in. Try again.',
  email_unverified: 'The provider has not verified an email address for you.',
  email_in_use: 'An account with this email already exists: sign in with your password.',
}

function isFailure(reason: string | undefined): reason is OAuthFailure {
  return reason !== undefined && reason in failures
}

/** Sign-in buttons for the providers configured in the environment, and why the last failed. */
export function ProviderSignIn({ error }: { error?: string }) {
  const providers = configuredProviders()
  if (providers.length === 0) {
    return null
  }
  return (
    <section aria-label="Other ways to sign in" className="grid gap-3">
      {isFailure(error) ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{failures[error]}</AlertDescription>
        </Alert>
      ) : null}
      <ul className="grid gap-2">
        {providers.map((provider) => (
          <li key={provider.id}>
            {/* A plain link: the browser must navigate to the provider, not prefetch it. */}
            <a
              href={`/api/auth/oauth/${provider.id}`}
              className={buttonVariants({ variant: 'outline', className: 'w-full' })}
            >
              Continue with {provider.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
