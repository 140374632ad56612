import type { CSSProperties } from 'react'

/** The look every form control shares: inputs, selects and text areas. */
export const controlStyle: CSSProperties = {
  padding: '0.5rem',
  border: '1px solid var(--border)',
  borderRadius: '0.375rem',
  font: 'inherit',
}
