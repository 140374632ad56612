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

    const [[ row.delegate ]]Row = await db.[[ row.delegate ]].create({
      [[ wrap(open="data: {", items=row.data, close="},", indent=6, padded=true) ]]
    })
    const [[ row.delegate ]]Read = await db.[[ row.delegate ]].findUniqueOrThrow({
      where: { id: [[ row.delegate ]]Row.id },
[% if row.includes %]
      [[ wrap(open="include: {", items=row.includes, close="},", indent=6, padded=true) ]]
[% endif %]
    })
    expect([[ row.delegate ]]Read).toMatchObject([[ row.delegate ]]Row)
[% for relation in row.relations %]
    expect([[ row.delegate ]]Read.[[ relation.field ]]?.id).toBe([[ relation.parent ]]Row.id)
[% endfor %]
[% if row.update %]
    const [[ row.delegate ]]Update = await db.[[ row.delegate ]].update({
      where: { id: [[ row.delegate ]]Row.id },
      data: { [[ row.update ]]: 'y' },
    })
    expect([[ row.delegate ]]Update.[[ row.update ]]).toBe('y')
[% endif %]
[% endfor %]

    // Children before their parents, so that no delete cascades into another.
[% for row in app.prisma_smoke | reverse %]
    const [[ row.delegate ]]Deleted = await db.[[ row.delegate ]].deleteMany({
      where: { id: [[ row.delegate ]]Row.id },
    })
    expect([[ row.delegate ]]Deleted.count).toBe(1)
[% endfor %]
  })
})
