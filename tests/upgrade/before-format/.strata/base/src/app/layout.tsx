import type { Metadata } from 'next'
import { SiteHeader } from '@/components/layout/site-header'
import './globals.css'

export const metadata: Metadata = {
  title: {
    template: '%s · Notes',
    default: 'Notes',
  },
  description: 'A layered Next.js app',
}

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <SiteHeader />
        <div className="flex-1">{children}</div>
      </body>
    </html>
  )
}
