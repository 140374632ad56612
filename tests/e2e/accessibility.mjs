// axe-core in Chromium on every page of a generated app that a visitor or a signed-in user can
// reach, in light and in dark mode: a serious or critical violation fails the run.

import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')

/** axe's violations on the page as it is now. */
async function violationsOf(page) {
  await page.addScriptTag({ content: axeSource })
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  return results.violations
}

/**
 * The pages reached from the header: the dashboard (with auth), each resource's list, its new
 * page, and the first row's page and edit page.
 */
export async function reachablePages(page, base, { dashboard }) {
  await page.goto(new URL('/', base).href)
  const lists = await page.$$eval('nav[aria-label=Main] a', (links) =>
    links.map((link) => link.getAttribute('href')),
  )
  const paths = dashboard ? ['/', '/dashboard'] : ['/']
  for (const list of lists) {
    paths.push(list)
    await page.goto(new URL(list, base).href)
    if (await page.$(`main a[href="${list}/new"]`)) {
      paths.push(`${list}/new`)
    }
    const rows = await page.$$eval('main table a', (links) => links.map((link) => link.getAttribute('href')))
    const row = rows.find((href) => href.startsWith(`${list}/`) && /\/[0-9a-f-]{36}$/.test(href))
    if (row) {
      paths.push(row, `${row}/edit`)
    }
  }
  return paths
}

/**
 * Runs axe on each path in light and in dark mode, prints the totals per page, and fails on any
 * serious or critical violation (naming the rule and the elements) or error thrown in the page.
 */
export async function auditPages(page, base, paths, who) {
  const failures = []
  // A page that throws in the browser (a client component's error) fails the run too.
  const onError = (error) => failures.push(`${who}, ${page.url()}: ${error.message}`)
  page.on('pageerror', onError)
  let total = 0
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme })
    for (const path of paths) {
      await page.goto(new URL(path, base).href)
      const violations = await violationsOf(page)
      const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      total += 1
      console.log(
        `axe ${who}, ${colorScheme}, ${path}: ${violations.length} violations, ${severe.length} serious or critical`,
      )
      for (const violation of severe) {
        const where = violation.nodes.map((node) => node.target.join(' ')).join(', ')
        failures.push(`${who}, ${colorScheme}, ${path}: ${violation.id} (${violation.impact}): ${violation.help} at ${where}`)
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  page.off('pageerror', onError)
  assert.deepEqual(failures, [], 'no serious or critical accessibility violation')
  console.log(`ok axe: ${total} page views (${who}), none with a serious or critical violation`)
}
