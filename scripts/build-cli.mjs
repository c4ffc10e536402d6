// Bundles the CLI (see rolldown.config.mjs) without the CLI's per-file listing.
import { build } from 'rolldown'
import config from '../rolldown.config.mjs'

await build(config)
