import {
  interviewChangeSchema,
  pairKey,
  type InterviewChange,
} from '../../core/interview/interview-state.js'

/**
 * The autosave queue's pure parts: what a change is about, how a newer
 * answer replaces an unsent older one, how long to wait before retrying, and
 * how the queue survives a refresh (localStorage, one key per invitation).
 */

export type QueuedChange = { readonly id: string; readonly change: InterviewChange }

/** What a change is about; errors are shown on, and newer answers replace, this key. */
export function changeTarget(change: InterviewChange): string {
  switch (change.kind) {
    case 'ego_answer':
      return `ego.${change.question}`
    case 'alter_answer':
      return `alter.${change.alter}.${change.question}`
    case 'add_alter':
      return `add.${change.generator}`
    case 'name_alter':
      return `name.${change.alter}.${change.generator}`
    case 'remove_alter':
      return `remove.${change.alter}`
    case 'tie':
      return `tie.${pairKey(change.a, change.b)}`
    case 'stage':
      return 'stage'
  }
}

/** Kinds where only the latest answer matters, so an unsent earlier one can be dropped. */
const replaceable = new Set<InterviewChange['kind']>(['ego_answer', 'alter_answer', 'tie', 'stage'])

/**
 * Adds a change to the queue. An unsent change to the same answer is dropped
 * (typing then correcting sends one change, not two); changes being sent
 * are never touched.
 */
export function enqueue(
  queue: readonly QueuedChange[],
  item: QueuedChange,
  inFlight: ReadonlySet<string>,
): QueuedChange[] {
  if (!replaceable.has(item.change.kind)) return [...queue, item]
  const target = changeTarget(item.change)
  return [...queue.filter((q) => inFlight.has(q.id) || changeTarget(q.change) !== target), item]
}

/** Retry after 1, 2, 4 … seconds, at most 30, with a little jitter so devices don't retry in step. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5))
  return Math.round(base * (0.8 + 0.4 * random()))
}

const key = (token: string) => `spnet:interview:${token}:queue`

/** The changes not yet confirmed by the server; anything unreadable is ignored. */
export function loadQueue(storage: Storage | null, token: string): QueuedChange[] {
  let raw: string | null
  try {
    raw = storage?.getItem(key(token)) ?? null
  } catch {
    return []
  }
  if (raw === null) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  const out: QueuedChange[] = []
  for (const item of parsed as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const { id, change } = item as { id?: unknown; change?: unknown }
    const checked = interviewChangeSchema.safeParse(change)
    if (typeof id === 'string' && checked.success) out.push({ id, change: checked.data })
  }
  return out
}

export function storeQueue(
  storage: Storage | null,
  token: string,
  queue: readonly QueuedChange[],
): void {
  try {
    if (queue.length === 0) storage?.removeItem(key(token))
    else storage?.setItem(key(token), JSON.stringify(queue))
  } catch {
    // Storage full or blocked (private browsing): saving still works while the page is open.
  }
}

/** localStorage if the browser lets us use it. */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
