import type { TextareaHTMLAttributes } from 'react'
import { controlStyle } from './control-style'

export function Textarea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...props} style={controlStyle} />
}
