#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'
import * as z from 'zod/mini'
import { en } from 'zod/v4/locales'
import { main } from './main.js'

// zod/mini loads no messages of its own: the English ones are the fallback
// wherever a schema has no message written for the user.
z.config(en())

// `spnet measures` and `spnet compare` run for about half a second, where
// V8's optimising compiler costs more than inlining gains: on one core most
// of the gap between cold and warm code (measures 160 ms cold against 90 warm,
// 3,500 egos) is compile time. Without inlining, spnet measures on 3,500 egos
// takes about 8% less time on one core, and no longer on two or at 7,000
// egos. Longer jobs (spnet area import: 10-20% slower) and the server keep
// V8's defaults. V8 has had the flag for years (Node 20 has V8 11); outside
// V8 11-14 it is left alone, since V8 reports an unknown flag on stderr.
const v8Major = Number(process.versions.v8.split('.')[0])
if (['measures', 'compare'].includes(process.argv[2] ?? '') && v8Major >= 11 && v8Major <= 14)
  setFlagsFromString('--no-turbo-inlining')

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
