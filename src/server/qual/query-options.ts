import { SpnetError } from '../../core/errors.js'
import type { AttributeFilter } from '../../core/qual/coding/retrieve-segments.js'
import type { UnitKind } from '../../core/qual/transcripts/transcript.js'
import type { QualProject } from '../../core/qual/project.js'
import { codePath } from '../../core/qual/codebook/codebook.js'
import type { CodeId, CoderId } from '../../core/qual/ids.js'

/**
 * The options of the qualitative queries as people type them, in the web
 * app's addresses and on spnet's command line alike:
 *
 *   where   imd_quintile=1   size>=20   implementation_model=pcn|vcse
 *           core20!=true     constraint:present
 *   code    a code's id, its name, or its path ("Barriers / Transport")
 *   coder   a coder's id or name
 *   unit    sentence | turn
 */

const value = (text: string): string | number | boolean => {
  if (text === 'true') return true
  if (text === 'false') return false
  const n = Number(text)
  return text.trim() !== '' && Number.isFinite(n) ? n : text
}

export function parseWhere(expressions: readonly string[]): AttributeFilter[] {
  return expressions.map((raw) => {
    const e = raw.trim()
    const presence = /^([A-Za-z_][\w]*):(missing|present)$/.exec(e)
    if (presence !== null)
      return { attribute: presence[1]!, op: presence[2] as 'missing' | 'present' }
    const m = /^([A-Za-z_][\w]*)\s*(<=|>=|!=|=|<|>)\s*(.+)$/.exec(e)
    if (m === null) {
      throw new SpnetError('usage', `"${raw}" is not a condition on a case attribute.`, {
        issues: [
          {
            path: 'where',
            message:
              'Write it like imd_quintile=1, size>=20, implementation_model=pcn|vcse or constraint:present.',
          },
        ],
      })
    }
    const [, attribute, op, rhs] = m as unknown as [string, string, string, string]
    if (op === '=' && rhs.includes('|'))
      return { attribute, op: 'in', values: rhs.split('|').map(value) }
    if (op === '=' || op === '!=')
      return { attribute, op: op === '=' ? 'eq' : 'ne', value: value(rhs) }
    const n = Number(rhs)
    if (!Number.isFinite(n)) {
      throw new SpnetError('usage', `"${raw}" compares with "${rhs}", which is not a number.`, {
        issues: [{ path: 'where', message: 'Use < <= > >= with numbers only.' }],
      })
    }
    return {
      attribute,
      op: ({ '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' } as const)[op as '<'],
      value: n,
    }
  })
}

export function parseUnit(text: string | undefined): UnitKind {
  if (text === undefined || text === '' || text === 'sentence' || text === 'sentences')
    return 'sentence'
  if (text === 'turn' || text === 'turns') return 'turn'
  throw new SpnetError('usage', `"${text}" is not a unit of analysis.`, {
    issues: [{ path: 'unit', message: 'Use sentence or turn.' }],
  })
}

/** A code by id, name or path (case-insensitive). */
export function findCode(project: QualProject, text: string): CodeId {
  const wanted = text.trim().toLowerCase()
  const hits = project.codebook.codes.filter(
    (c) =>
      c.id === text ||
      c.name.toLowerCase() === wanted ||
      codePath(project.codebook, c.id).join(' / ').toLowerCase() === wanted,
  )
  if (hits.length === 1) return hits[0]!.id
  const names = project.codebook.codes.map((c) => codePath(project.codebook, c.id).join(' / '))
  throw new SpnetError(
    'usage',
    hits.length === 0 ? `There is no code "${text}".` : `"${text}" names ${hits.length} codes.`,
    {
      issues: [
        {
          path: 'code',
          message:
            hits.length === 0
              ? `Codes: ${names.slice(0, 30).join('; ')}${names.length > 30 ? '…' : ''}.`
              : 'Give its path, e.g. "Barriers / Transport", or its id.',
        },
      ],
    },
  )
}

export function findCoders(project: QualProject, texts: readonly string[]): CoderId[] {
  return texts.map((t) => {
    const hit = project.coders.find(
      (c) => c.id === t || c.name.toLowerCase() === t.trim().toLowerCase(),
    )
    if (hit === undefined) {
      throw new SpnetError('usage', `There is no coder "${t}".`, {
        issues: [
          {
            path: 'coders',
            message: `Coders: ${project.coders.map((c) => c.name).join(', ') || '(none)'}.`,
          },
        ],
      })
    }
    return hit.id
  })
}

export const list = (text: string | undefined): string[] =>
  text === undefined
    ? []
    : text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')

/** `constraint:desc,size` or `-constraint,size`: attributes ordering rows, descending when marked. */
export function parseSort(text: string | undefined): { attribute: string; descending?: boolean }[] {
  return list(text).map((s) => {
    const m = /^(-)?([^:]+?)(?::(asc|desc))?$/.exec(s)
    const attribute = m?.[2] ?? s
    return m?.[1] === '-' || m?.[3] === 'desc' ? { attribute, descending: true } : { attribute }
  })
}
