export function FieldError({ messages }: { messages?: string[] }) {
  if (!messages?.length) {
    return null
  }
  return (
    <span role="alert" style={{ color: 'var(--danger)', fontSize: '0.875rem' }}>
      {messages.join(' ')}
    </span>
  )
}
