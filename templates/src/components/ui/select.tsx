import type { SelectHTMLAttributes } from 'react'

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
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
