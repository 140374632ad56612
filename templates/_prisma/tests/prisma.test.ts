import { describe, expect, it } from 'vitest'
import { getDb } from '@/lib/db'
import { resetDatabase } from './helpers'

// Every table through Prisma, on the tables strata's SQL migrations created: a table, column,
// type or relation on which prisma/schema.prisma and the SQL disagree fails a query here.
describe('prisma/schema.prisma', () => {
  it('agrees with the SQL migrations on every table', async () => {
    await resetDatabase()
    const db = await getDb()
[% for row in app.prisma_smoke %]

    [[ row.create ]]
    [[ row.read ]]
[% for check in row.read_checks %]
    [[ check ]]
[% endfor %]
[% if row.update %]
    [[ row.update[0] ]]
    [[ row.update[1] ]]
[% endif %]
[% endfor %]

    // Children before their parents, so that no delete cascades into another.
[% for row in app.prisma_smoke | reverse %]
    [[ row.delete[0] ]]
    [[ row.delete[1] ]]
[% endfor %]
  })
})
