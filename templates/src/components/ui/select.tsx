import type { SelectHTMLAttributes } from 'react'
import { controlStyle } from './control-style'

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} style={controlStyle} />
}
