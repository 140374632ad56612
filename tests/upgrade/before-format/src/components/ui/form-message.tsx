import { Alert, AlertDescription } from './alert'

/**
 * Why a form was refused (or that it worked), as a summary above the submit button. The live region is in the page
 * before the message is, so that screen readers announce the message when it appears.
 */
function FormMessage({
  message,
  variant = 'destructive',
}: {
  message?: string
  variant?: 'destructive' | 'success'
}) {
  return (
    <div aria-live="polite" data-slot="form-message">
      {message ? (
        <Alert variant={variant}>
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  )
}

export { FormMessage }
