import Link from 'next/link'

export function SiteHeader() {
  return (
    <header className="border-b">
      <div className="mx-auto flex min-h-14 w-full max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/" className="font-semibold">
          Notes
        </Link>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <a href="/openapi.json" className="hover:underline">
            API
          </a>
        </div>
      </div>
    </header>
  )
}
