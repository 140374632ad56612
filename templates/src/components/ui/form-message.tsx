import { Alert, AlertDescription } from './alert'

/**
 * Why a form was refused, as a summary above the submit button. The live region is in the page
 * before the message is, so that screen readers announce the message when it appears.
 */
function FormMessage({ message }: { message?: string }) {
  return (
    <div aria-live="polite" data-slot="form-message">
      {message ? (
        <Alert variant="destructive">
          <AlertDescription>{message}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  )
}

export { FormMessage }
