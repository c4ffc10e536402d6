#!/usr/bin/env node
import * as z from 'zod/mini'
import { en } from 'zod/v4/locales'
import { main } from './main.js'
import { terminalProgress } from './progress-bar.js'

// zod/mini loads no messages of its own: the English ones are the fallback
// wherever a schema has no message written for the user.
z.config(en())

// `spnet measures … | head` closes the pipe early; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}

const status = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  progress: terminalProgress,
})
process.exitCode = status
