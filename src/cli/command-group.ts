import { usage } from './args.js'
import type { Io } from './io.js'

/** An option as a help text lists it: the flag with its value, and what it does. */
export type HelpOption = readonly [flag: string, about: string]

/** One command of a group, such as `spnet qual import`. */
export type Subcommand = {
  readonly name: string
  /** Its arguments and required flags, as its synopsis shows them: `FILE|FOLDER...`. */
  readonly args?: string
  /** What it does, as a phrase for the group's list. */
  readonly summary: string
  /** What it does, in sentences wrapped by hand, for its own help. */
  readonly about: string
  readonly options?: readonly HelpOption[]
}

/**
 * A command made of subcommands (`spnet qual`, `spnet area`). Both the
 * group's help and each subcommand's are made from this, so the two cannot
 * disagree.
 */
export type CommandGroup = {
  readonly name: string
  /** What the group is for, wrapped by hand. */
  readonly about: string
  readonly subcommands: readonly Subcommand[]
  /** Options every subcommand takes (qual's --study). */
  readonly options?: readonly HelpOption[]
  /** Said after the list of subcommands, wrapped by hand. */
  readonly notes?: string
}

// The width the hand-wrapped help texts keep to.
const width = 80
// A name or flag longer than this gets a line of its own, its text under it.
const widestKey = 24

/** `spnet GROUP --help`: what the group is for, and a line per subcommand. */
export function groupHelp(group: CommandGroup): string {
  const names = group.subcommands.map((s) => s.name).join('|')
  const list = group.subcommands.map((s) => [synopsisOf(s), s.summary] as const)
  // The group's options line up with its subcommands.
  const keys = keyWidth([...list, ...(group.options ?? [])])
  const parts = [`spnet ${group.name} <${names}> ...`, group.about, table(list, keys)]
  if (group.options !== undefined) parts.push(table(group.options, keys))
  parts.push(`spnet ${group.name} <command> --help for a command's options.`)
  if (group.notes !== undefined) parts.push(group.notes)
  return parts.map((p) => p.trimEnd()).join('\n\n') + '\n'
}

/** `spnet GROUP SUB --help`: its synopsis, what it does, and its options. */
export function subcommandHelp(group: CommandGroup, sub: Subcommand): string {
  const options = [...(sub.options ?? []), ...(group.options ?? [])]
  const parts = [
    `spnet ${group.name} ${synopsisOf(sub)}${options.length > 0 ? ' [options]' : ''}`,
    sub.about,
  ]
  if (options.length > 0) parts.push(table(options, keyWidth(options)))
  return parts.map((p) => p.trimEnd()).join('\n\n') + '\n'
}

/** The subcommand `name` of `group`, or a usage error naming the ones there are. */
export function findSubcommand(group: CommandGroup, name: string): Subcommand {
  const sub = group.subcommands.find((s) => s.name === name)
  if (sub !== undefined) return sub
  throw usage(
    `"${name}" is not an spnet ${group.name} command.`,
    `Use one of: ${group.subcommands.map((s) => s.name).join(', ')}. See spnet ${group.name} --help.`,
  )
}

/**
 * What every group does before it runs `spnet GROUP [SUB]`: without SUB it
 * prints the group's help (status 0 when --help asked for it, else 2: a
 * subcommand is missing); an unknown SUB is a usage error, --help or not;
 * with --help it prints SUB's own help. Returns the exit status when it
 * printed help, or null when SUB is to run.
 */
export function answerHelp(
  group: CommandGroup,
  name: string | undefined,
  help: boolean,
  io: Io,
): number | null {
  if (name === undefined) {
    io.stdout.write(groupHelp(group))
    return help ? 0 : 2
  }
  const sub = findSubcommand(group, name)
  if (!help) return null
  io.stdout.write(subcommandHelp(group, sub))
  return 0
}

/**
 * For a group whose subcommands share one parser (qual, users, protocol):
 * a usage error when a flag was given that subcommand `name` does not take,
 * rather than silently ignoring it. What a subcommand takes is what its help
 * lists, with the group's options; `values` are the parsed flags by name.
 */
export function checkOptions(
  group: CommandGroup,
  name: string,
  values: Readonly<Record<string, unknown>>,
): void {
  const sub = findSubcommand(group, name)
  const options = [...(sub.options ?? []), ...(group.options ?? [])]
  const takes = new Set(options.map(([flag]) => flag.split(/[ =]/)[0]!))
  const foreign = Object.keys(values).filter(
    (key) => key !== 'help' && values[key] !== undefined && !takes.has(`--${key}`),
  )
  if (foreign.length === 0) return
  const list = foreign.map((key) => `--${key}`).join(', ')
  throw usage(
    `spnet ${group.name} ${sub.name} does not take ${list}.`,
    takes.size === 0
      ? `It takes no options. See spnet ${group.name} ${sub.name} --help.`
      : `Its options are ${[...takes].join(', ')}. See spnet ${group.name} ${sub.name} --help.`,
  )
}

function synopsisOf(sub: Subcommand): string {
  return sub.args === undefined ? sub.name : `${sub.name} ${sub.args}`
}

type Row = readonly [key: string, text: string]

function keyWidth(rows: readonly Row[]): number {
  return Math.max(0, ...rows.map(([key]) => key.length).filter((n) => n <= widestKey))
}

/** Two columns, as the other help texts lay them out: each text wrapped beside its key. */
function table(rows: readonly Row[], keys: number): string {
  const indent = ' '.repeat(2 + keys + 2)
  return rows
    .map(([key, text]) => {
      const lines = wrap(text, width - indent.length)
      const head = key.length <= keys ? `  ${key.padEnd(keys)}  ${lines.shift() ?? ''}` : `  ${key}`
      return [head, ...lines.map((line) => indent + line)].join('\n')
    })
    .join('\n')
}

/** Words in lines of at most `max` characters (a longer word keeps a line to itself). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > max) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}
