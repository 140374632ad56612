// Generates the Prisma client into src/generated/prisma (git-ignored) from prisma/schema.prisma;
// npm runs it before dev, build, test and typecheck.
//
// `prisma generate` needs only the WebAssembly bundled with the CLI, but the CLI first makes sure
// the schema engine binary of `prisma migrate` is installed, and downloads it when it is not:
// naming an existing file instead lets the client be generated with no network. This app never
// runs `prisma migrate` (strata writes the migrations), so that binary is not needed.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

const prismaPackage = createRequire(import.meta.url).resolve('prisma/package.json')
const cli = path.join(path.dirname(prismaPackage), 'build', 'index.js')
const result = spawnSync(process.execPath, [cli, 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? cli,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
})
process.exit(result.status ?? 1)
