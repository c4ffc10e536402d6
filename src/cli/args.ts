import { parseArgs, type ParseArgsConfig } from 'node:util'
import type * as z from 'zod/mini'
import { SpnetError } from '../core/errors.js'

/**
 * Parses a command's flags with node:util's parseArgs, turning its errors
 * into usage errors that name the command and point to its help.
 */
export function parseFlags<const T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (cause) {
    const raw =
      cause instanceof Error ? cause.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(cause)
    // Node adds advice on positionals that start with "-", which is not what a typo needs.
    const unknown = /^Unknown option '([^']+)'/.exec(raw)
    const message = unknown === null ? raw : `spnet ${command} has no option ${unknown[1]}`
    throw new SpnetError('usage', `${message.replace(/\.$/, '')}.`, {
      cause,
      issues: [{ message: `See \`spnet ${command} --help\`.` }],
    })
  }
}

/** Splits `a,b , c` into trimmed, non-empty parts. */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/** Collects repeatable, comma-separated flags: `--attr a,b --attr c`. */
export function lists(values: readonly string[] | string | undefined): string[] | undefined {
  if (values === undefined) return undefined
  return (typeof values === 'string' ? [values] : values).flatMap((v) => list(v) ?? [])
}

export function usage(message: string, hint?: string): SpnetError {
  return new SpnetError('usage', message, hint === undefined ? {} : { issues: [{ message: hint }] })
}

/** Checks a flag's value with a zod schema; its message becomes a usage error. */
export function parse<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (!result.success) throw usage(result.error.issues[0]?.message ?? 'Invalid option.')
  return result.data
}
