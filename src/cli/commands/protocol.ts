import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { SpnetError } from '../../core/errors.js'
import { jsonSyntaxError, locateJsonPath } from '../../core/import/json-location.js'
import { linkWorkerProtocol } from '../../core/protocol/link-worker-protocol.js'
import { validateProtocol } from '../../core/protocol/validate-protocol.js'
import { parseFlags, usage } from '../args.js'
import { answerHelp, checkOptions, type CommandGroup } from '../command-group.js'
import type { Io } from '../io.js'
import { writeAtomic } from '../output.js'

export const protocolGroup: CommandGroup = {
  name: 'protocol',
  about: `A study protocol is the JSON document the web interview follows: its stages
(forms about the link worker and their contacts, name generators, the census
of ties between contacts) and their questions.`,
  subcommands: [
    {
      name: 'validate',
      args: 'FILE',
      summary: 'check a study protocol (JSON); problems by path and line',
      about: `Checks a study protocol (JSON): its shape, then what a shape cannot say (ids
unique, references resolvable, skip logic pointing back to earlier
questions). Each problem is reported with its path in the file, e.g.
stages[3].questions[1].showIf.variable, and its line.`,
    },
    {
      name: 'show',
      summary: 'write the built-in link-worker protocol, to start your own from',
      about: `Writes the built-in link-worker protocol (DOMAIN.md §3) as JSON, to start
your own from. Give a changed protocol a new version number.`,
      options: [['--out FILE', 'write to FILE instead of the terminal']],
    },
  ],
}

export async function protocolCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags('protocol', argv, {
    help: { type: 'boolean', short: 'h' },
    out: { type: 'string' },
  })
  const [verb, file, ...rest] = positionals
  const help = answerHelp(protocolGroup, verb, values.help === true, io)
  if (help !== null) return help
  checkOptions(protocolGroup, verb!, values)
  if (verb === 'show') {
    const text = JSON.stringify(linkWorkerProtocol, null, 2) + '\n'
    if (values.out === undefined) io.stdout.write(text)
    else {
      await writeAtomic(resolve(io.cwd, values.out), text)
      io.stdout.write(`Wrote the built-in protocol to ${values.out}.\n`)
    }
    return 0
  }
  if (file === undefined || rest.length > 0)
    throw usage('Give one protocol file: spnet protocol validate FILE.')
  const text = await readFile(resolve(io.cwd, file), 'utf8').catch((cause: unknown) => {
    throw new SpnetError('not_found', `${file} cannot be read.`, {
      cause,
      issues: [{ message: 'Check the file name.' }],
    })
  })
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (cause) {
    const syntax = jsonSyntaxError(text)
    throw new SpnetError('validation', `${file} is not valid JSON.`, {
      cause,
      issues: [
        {
          file,
          ...(syntax === null ? {} : { line: syntax.line, char: syntax.char }),
          message: syntax?.message ?? 'The JSON cannot be read.',
          fix: 'Fix the JSON syntax; an editor that checks JSON shows the spot.',
        },
      ],
    })
  }
  const checked = validateProtocol(raw)
  if (!checked.ok) {
    // Add the line of each path, so the problem can be found in an editor.
    throw new SpnetError('validation', `${file}: ${checked.error.message}`, {
      issues: checked.error.issues.map((issue) => {
        const at = issue.path === undefined ? null : locateJsonPath(text, pathParts(issue.path))
        return { ...issue, file, ...(at === null ? {} : { line: at.line }) }
      }),
    })
  }
  const p = checked.value
  io.stdout.write(
    `✔ ${file} is a valid protocol: ${p.id} version ${p.version}, "${p.name}", ${p.stages.length} stages.\n`,
  )
  return 0
}

/** `stages[3].questions[1].id` → ['stages', 3, 'questions', 1, 'id']. */
function pathParts(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] === undefined ? m[1]! : Number(m[2]),
  )
}
