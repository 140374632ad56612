export type LoginFailures = {
  count: number
  oldestAt: Date | null
}
