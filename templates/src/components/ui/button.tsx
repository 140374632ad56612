import type { ButtonHTMLAttributes } from 'react'

export function Button(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      {...props}
      style={{
        padding: '0.5rem 1rem',
        border: 'none',
        borderRadius: '0.375rem',
        background: 'var(--accent)',
        color: '#ffffff',
        fontWeight: 600,
        cursor: props.disabled ? 'wait' : 'pointer',
      }}
    />
  )
}
