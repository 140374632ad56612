import type { InputHTMLAttributes } from 'react'
import { controlStyle } from './control-style'

export function Input(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} style={controlStyle} />
}
