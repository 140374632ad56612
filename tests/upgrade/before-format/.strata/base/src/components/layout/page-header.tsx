type Props = {
  title: string
  description?: string
  /** Actions on the right: a "New" link, an "Edit" link. */
  children?: React.ReactNode
}

/** A page's heading, with what it is for and what can be done on it. */
export function PageHeader({ title, description, children }: Props) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="text-muted-foreground">{description}</p> : null}
      </div>
      {children ? <div className="flex items-center gap-2">{children}</div> : null}
    </div>
  )
}
