import { dataDir } from '../data-dir.js'
import { parseFlags } from '../args.js'
import type { Io } from '../io.js'

export const pathsHelp = `spnet paths

Shows spnet's data directory: SPNET_DATA_DIR when set, else your user data
folder. spnet keeps its own state there (the demo study; later its database).
`

export function pathsCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags('paths', argv, { help: { type: 'boolean', short: 'h' } })
  if (values.help === true) {
    io.stdout.write(pathsHelp)
    return Promise.resolve(0)
  }
  io.stdout.write(`data directory: ${dataDir(io.env)}\n`)
  return Promise.resolve(0)
}
