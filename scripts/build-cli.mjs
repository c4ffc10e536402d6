// Bundles the CLI (see rolldown.config.mjs) without the CLI's per-file listing.
import { chmodSync } from 'node:fs'
import { build } from 'rolldown'
import config from '../rolldown.config.mjs'

await build(config)
// Rebuilding must not break an `npm link`ed spnet: keep the bin executable.
chmodSync(new URL('../dist/spnet.js', import.meta.url), 0o755)
