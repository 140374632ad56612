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
[% set d = row.delegate %]

    const [[ d ]]Row = await db.[[ d ]].create({
      data: {
[% for entry in row.data %]
        [[ entry.key ]]: [[ entry.value ]],
[% endfor %]
      },
    })
    const [[ d ]]Read = await db.[[ d ]].findUniqueOrThrow({
      where: { id: [[ d ]]Row.id },
[% if row.relations %]
      include: { [% for relation in row.relations %][[ relation.field ]]: true, [% endfor %]},
[% endif %]
    })
    expect([[ d ]]Read).toMatchObject([[ d ]]Row)
[% if row.relations %]
    expect([[ d ]]Read).toMatchObject({
[% for relation in row.relations %]
      [[ relation.field ]]: { id: [[ relation.parent ]]Row.id },
[% endfor %]
    })
[% endif %]
[% if row.update %]
    const [[ d ]]Update = await db.[[ d ]].update({
      where: { id: [[ d ]]Row.id },
      data: { [[ row.update ]]: 'y' },
    })
    expect([[ d ]]Update).toMatchObject({ [[ row.update ]]: 'y' })
[% endif %]
[% endfor %]

    // Children before their parents, so that no delete cascades into another.
[% for row in app.prisma_smoke | reverse %]
    const [[ row.delegate ]]Deleted = await db.[[ row.delegate ]].deleteMany({ where: { id: [[ row.delegate ]]Row.id } })
    expect([[ row.delegate ]]Deleted.count).toBe(1)
[% endfor %]
  })
})
