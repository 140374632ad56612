import type { TextareaHTMLAttributes } from 'react'

export function Textarea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <textarea
      {...props}
      style={{
        padding: '0.5rem',
        border: '1px solid var(--border)',
        borderRadius: '0.375rem',
        font: 'inherit',
      }}
    />
  )
}
