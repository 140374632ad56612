import type { Metadata } from 'next'
import { SiteHeader } from '@/components/layout/site-header'
import './globals.css'

export const metadata: Metadata = {
  title: '[[ app.title ]]',
  description: 'A layered Next.js app',
}

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body>
        <SiteHeader />
        {children}
      </body>
    </html>
  )
}
