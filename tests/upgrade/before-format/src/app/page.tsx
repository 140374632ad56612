import Link from 'next/link'
import { buttonVariants } from '@/components/ui/button'

const endpoints = ['/api/notes']

export default function HomePage() {
  return (
    <main className="mx-auto grid w-full max-w-5xl gap-12 px-4 py-16">
      <section className="grid gap-4">
        <h1 className="text-4xl font-semibold tracking-tight">Notes</h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          Our team's notes, kept by a layered Next.js app.
        </p>
        <div className="flex flex-wrap gap-3">
          <a href="/openapi.json" className={buttonVariants({ variant: 'ghost' })}>
            OpenAPI document
          </a>
        </div>
      </section>
      <section aria-labelledby="endpoints" className="grid gap-4">
        <h2 id="endpoints" className="text-xl font-semibold">
          Endpoints
        </h2>
        <ul className="grid gap-2">
          {endpoints.map((path) => (
            <li key={path}>
              <code className="rounded bg-muted px-2 py-1 font-mono text-sm">{path}</code>
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
