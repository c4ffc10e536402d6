import { isSpnetError, SpnetError } from '../core/errors.js'
import type { Io } from './io.js'
import { exitCodeOf, renderError } from './render-error.js'
import { version } from './version.js'

type Command = {
  readonly summary: string
  readonly run: () => Promise<(argv: readonly string[], io: Io) => Promise<number>>
}

// Commands load on demand, so `spnet measures` does not pay for the others.
const commands: Readonly<Record<string, Command>> = {
  serve: {
    summary: "run the server: the web interview and the researchers' pages (npm start)",
    run: async () => (await import('./commands/serve.js')).serveCommand,
  },
  users: {
    summary: 'researcher accounts: list, add, reset-password, disable, enable',
    run: async () => (await import('./commands/users.js')).usersCommand,
  },
  protocol: {
    summary: 'check a study protocol (validate FILE), or write the built-in one (show)',
    run: async () => (await import('./commands/protocol.js')).protocolCommand,
  },
  quickstart: {
    summary: 'a tour in the terminal: demo study, measures, comparison by IMD quintile',
    run: async () => (await import('./commands/quickstart.js')).quickstartCommand,
  },
  measures: {
    summary: 'per-ego network measures (CSV or JSON); --list explains each',
    run: async () => (await import('./commands/measures.js')).measuresCommand,
  },
  compare: {
    summary: 'compare measures and composition between groups of egos',
    run: async () => (await import('./commands/compare.js')).compareCommand,
  },
  qual: {
    summary: 'transcripts, coding, agreement, framework matrices, REFI-QDA (qual --help)',
    run: async () => (await import('./commands/qual.js')).qualCommand,
  },
  area: {
    summary: 'area deprivation data: import, status, download, lookup',
    run: async () => (await import('./commands/area.js')).areaCommand,
  },
  enrich: {
    summary: 'add IMD score, rank, decile, quintile and Core20 to each ego',
    run: async () => (await import('./commands/enrich.js')).enrichCommand,
  },
  demo: {
    summary: 'write a synthetic link-worker study in the three-file layout',
    run: async () => (await import('./commands/demo.js')).demoCommand,
  },
  convert: {
    summary: 'convert a study between the three-file layout and spnet JSON',
    run: async () => (await import('./commands/convert.js')).convertCommand,
  },
  paths: {
    summary: "show spnet's data directory",
    run: async () => (await import('./commands/paths.js')).pathsCommand,
  },
}

export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length))
  return `spnet ${version}: ego-network analysis for social prescribing link-worker studies

Usage: spnet <command> [options]      spnet <command> --help for a command's options

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Data directory: SPNET_DATA_DIR, else your user data folder (spnet paths shows it).
`
}

/** Runs one command line; returns the exit status. Never throws. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...others] = argv
  // `spnet help COMMAND [SUB]` is `spnet COMMAND [SUB] --help`.
  const [name, rest] =
    first === 'help' && others.length > 0
      ? [others[0], [...others.slice(1), '--help']]
      : [first, others]
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      io.stdout.write(helpText())
      return 0
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${version}\n`)
      return 0
    }
    const command = commands[name]
    if (command === undefined) {
      throw new SpnetError('usage', `"${name}" is not an spnet command.`, {
        issues: [{ message: `Commands: ${Object.keys(commands).join(', ')}. See spnet --help.` }],
      })
    }
    return await (
      await command.run()
    )(rest, io)
  } catch (error) {
    if (isSpnetError(error)) {
      io.stderr.write(renderError(error))
      return exitCodeOf(error)
    }
    // Anything else is a bug in spnet: say so, with the detail needed to report it.
    io.stderr.write(
      `✖ spnet stopped because of an internal error. Please report it with the command you ran.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    return 1
  }
}
