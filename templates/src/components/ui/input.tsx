import type { InputHTMLAttributes } from 'react'

export function Input(props: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
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
