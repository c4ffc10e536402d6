import { demoInterviews } from '../core/demo/demo-interviews.js'
import { missingAnswers } from '../core/interview/check-complete.js'
import { linkWorkerProtocol } from '../core/protocol/link-worker-protocol.js'
import type { Protocol } from '../core/protocol/protocol.js'
import type { Store } from '../store/store.js'
import { hashPassword } from './passwords.js'
import { randomToken } from './tokens.js'

const system = { kind: 'system' } as const

/** Stores the built-in link-worker protocol (once; a stored version never changes). */
export async function ensureBuiltInProtocol(store: Store): Promise<void> {
  await store.protocols.save(system, linkWorkerProtocol)
}

/**
 * The first admin account, made when there are no accounts at all, with the
 * given password or a random one. Returns what to tell the person who
 * started spnet, or null when accounts exist.
 */
export async function ensureFirstAdmin(
  store: Store,
  account: { readonly email: string; readonly password?: string | undefined },
): Promise<{ readonly email: string; readonly password: string } | null> {
  if ((await store.users.count()) > 0) return null
  const password = account.password ?? randomToken().slice(0, 20)
  await store.users.create(system, {
    email: account.email.toLowerCase(),
    name: 'Administrator',
    role: 'admin',
    passwordHash: await hashPassword(password),
  })
  return { email: account.email.toLowerCase(), password }
}

/**
 * A demo study on the link-worker protocol with synthetic participants, when
 * the store has no study yet: most have sent their interview (made by
 * `demoInterviews`), some are part way through, some have not started, so
 * every page has something to show.
 */
export async function ensureDemoStudy(store: Store, egos = 20): Promise<string | null> {
  if ((await store.studies.list()).length > 0) return null
  return addDemoStudy(store, { egos })
}

/**
 * The demo study's participants and interviews in a new study, on the
 * built-in protocol or another stored one that asks the same questions (a
 * test's variant, say). Returns the study's id.
 */
export async function addDemoStudy(
  store: Store,
  {
    egos = 20,
    protocol = linkWorkerProtocol,
    name = 'Demo study (synthetic data)',
  }: { readonly egos?: number; readonly protocol?: Protocol; readonly name?: string } = {},
): Promise<string> {
  const interviews = demoInterviews(protocol, { egos, seed: 1 })
  const study = await store.studies.create(system, {
    name,
    protocolId: protocol.id,
    protocolVersion: protocol.version,
  })
  const sent = Math.ceil(egos * 0.75)
  for (const [i, interview] of interviews.entries()) {
    const participant = await store.studies.addParticipant(system, study.id, {
      label: interview.label,
      attributes: interview.attributes,
    })
    if (i >= egos - 2) continue // not started yet
    const s = interview.state
    const changes = [
      ...Object.entries(s.ego).map(([question, value]) => ({
        kind: 'ego_answer' as const,
        question,
        value,
      })),
      ...s.alters.flatMap((a) => {
        const [first, ...others] = a.generators
        return [
          {
            kind: 'add_alter' as const,
            alter: a.id,
            generator: first!,
            answers: { name: a.answers['name'] ?? null, sector: a.answers['sector'] ?? null },
          },
          ...others.map((g) => ({
            kind: 'name_alter' as const,
            alter: a.id,
            generator: g,
            named: true,
          })),
          ...Object.entries(a.answers)
            .filter(([q]) => q !== 'name' && q !== 'sector')
            .map(([question, value]) => ({
              kind: 'alter_answer' as const,
              alter: a.id,
              question,
              value,
            })),
        ]
      }),
      ...Object.entries(s.ties).map(([key, state]) => {
        const [a, b] = key.split('|')
        return { kind: 'tie' as const, a: a!, b: b!, state }
      }),
    ]
    const batch = 200
    for (let k = 0; k < changes.length; k += batch) {
      const result = await store.interviews.save(
        system,
        participant.id,
        protocol,
        changes.slice(k, k + batch).map((change, j) => ({ id: `demo-${i}-${k + j}`, change })),
      )
      if (result.rejected.length > 0)
        throw new Error(
          `server/bootstrap: demo change refused: ${JSON.stringify(result.rejected[0])}`,
        )
    }
    // The tiny demo networks (0–2 contacts) cannot be sent: the protocol asks for more.
    if (i < sent && missingAnswers(protocol, s).length === 0) {
      await store.interviews.submit(system, participant.id, protocol)
    }
  }
  return study.id
}
