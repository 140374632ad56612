export * from './health/health.dal'
export * from './notes/note.dal'
export type * from './notes/note.types'
