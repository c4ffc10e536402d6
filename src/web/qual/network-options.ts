import type { ParticipantDetail } from '../../core/api/api.js'
import { networkAlters } from '../../core/interview/apply-change.js'
import { pairKey } from '../../core/interview/interview-state.js'
import type { NetworkLink } from '../../core/qual/project.js'
import { alterName } from '../lib/format.js'

/**
 * What a coded segment can be linked to in its case's network: each
 * contact (with the placeholder its name became, [ALTER A01]) and each tie
 * between two contacts that the participant said work together.
 */
export type LinkOption = { readonly value: string; readonly label: string; link: NetworkLink }

export function linkOptions(participant: ParticipantDetail | null): LinkOption[] {
  if (participant?.state === null || participant === null) return []
  const { state, protocol } = participant
  const alters = networkAlters(state)
  const label = (id: string) => {
    const i = state.alters.findIndex((a) => a.id === id)
    return `A${String(i + 1).padStart(2, '0')}`
  }
  const name = new Map(alters.map((a) => [a.id, alterName(protocol, a)]))
  const out: LinkOption[] = alters.map((a) => {
    const link: NetworkLink = { kind: 'alter', alterId: a.id as never }
    return { value: linkValue(link), label: `${name.get(a.id)!} (${label(a.id)})`, link }
  })
  for (let i = 0; i < alters.length; i++)
    for (let j = i + 1; j < alters.length; j++) {
      const a = alters[i]!
      const b = alters[j]!
      if (state.ties[pairKey(a.id, b.id)] !== 'yes') continue
      const link: NetworkLink = { kind: 'tie', from: a.id as never, to: b.id as never }
      out.push({
        value: linkValue(link),
        label: `Tie: ${name.get(a.id)!} – ${name.get(b.id)!}`,
        link,
      })
    }
  return out
}

export function linkValue(link: NetworkLink | null): string {
  if (link === null) return ''
  return link.kind === 'alter' ? `alter:${link.alterId}` : `tie:${link.from}:${link.to}`
}

/** A link in words, from the options (or its ids when the contact is gone). */
export function linkWords(options: readonly LinkOption[], link: NetworkLink | null): string | null {
  if (link === null) return null
  const v = linkValue(link)
  const hit =
    options.find((o) => o.value === v) ??
    (link.kind === 'tie'
      ? options.find((o) => o.value === `tie:${link.to}:${link.from}`)
      : undefined)
  return hit?.label ?? (link.kind === 'alter' ? 'a contact' : 'a tie')
}
