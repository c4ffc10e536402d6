#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'
import * as z from 'zod/mini'
import { en } from 'zod/v4/locales'
import { main } from './main.js'

// zod/mini loads no messages of its own: the English ones are the fallback
// wherever a schema has no message written for the user.
z.config(en())

// Every command but `serve` is a batch job of a second or so, where V8's
// optimising compiler costs more than it gains from inlining: on one core,
// most of the cold-start gap (measures 160 ms cold against 90 warm, 3,500
// egos) is compile time. Without inlining, `spnet measures` on 3,500 egos
// takes about 8% less time on one core, and no longer on two cores or at
// 7,000 egos. The long-running server keeps V8's defaults.
if (process.argv[2] !== 'serve') setFlagsFromString('--no-turbo-inlining')

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
  // Bars are drawn only on a terminal: elsewhere their library is not even loaded.
  progress: process.stderr.isTTY ? (await import('./progress-bar.js')).terminalProgress : undefined,
})
process.exitCode = status
