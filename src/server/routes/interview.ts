import { Hono, type Context } from 'hono'
import { saveChangesSchema, type InterviewSession, type SaveChanges } from '../../core/api/api.js'
import { SpnetError } from '../../core/errors.js'
import { emptyInterview } from '../../core/interview/interview-state.js'
import type { Protocol } from '../../core/protocol/protocol.js'
import type { Actor } from '../../store/repositories/audit.js'
import type { AppEnv, AppOptions } from '../context.js'
import { HttpError } from '../error-handler.js'
import { readBody } from '../read-body.js'
import { tokenHash } from '../tokens.js'

/**
 * The participant's side: the invitation link is the credential. A link
 * opens one participant's one interview; it stops working when it is
 * withdrawn, when it expires, and for changes once the answers are sent.
 * Every change is checked against the protocol before it is kept.
 */
export function interviewRoutes(options: AppOptions) {
  const { store } = options
  const now = options.now ?? (() => new Date())
  const app = new Hono<AppEnv>()

  type Opened = {
    readonly invitationId: string
    readonly participantId: string
    readonly studyId: string
    readonly label: string
    readonly studyName: string
    readonly mode: 'self' | 'interviewer'
    readonly protocol: Protocol
    readonly actor: Actor
  }

  /** The hash of the request's link, which must look like one. */
  const linkOf = (c: Context<AppEnv>): string => {
    const token = c.req.param('token') ?? ''
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw notValid()
    return tokenHash(token)
  }

  // In interviewer mode a signed-in researcher enters the answers, and the audit log says who.
  const actorOf = (c: Context<AppEnv>, mode: Opened['mode'], participantId: string): Actor => {
    const user = c.get('user')
    return mode === 'interviewer' && user !== null && user.role !== 'viewer'
      ? { kind: 'user', id: user.id }
      : { kind: 'participant', id: participantId }
  }

  const open = async (c: Context<AppEnv>): Promise<Opened> => {
    const inv = await store.studies.invitationByToken(linkOf(c))
    if (inv === null) throw notValid()
    const at = now()
    if (inv.revoked_at !== null) {
      throw new HttpError(
        410,
        'This link has been withdrawn. Please ask the research team for a new one.',
        'revoked',
      )
    }
    if (new Date(inv.expires_at) <= at) {
      throw new HttpError(
        410,
        'This link has expired. Please ask the research team for a new one.',
        'expired',
      )
    }
    if (inv.first_used_at === null) await store.studies.markInvitationUsed(inv.id, at)
    const protocol = await store.protocols.get(inv.protocol_id, inv.protocol_version)
    if (protocol === null) throw new SpnetError('internal', `The study's protocol is missing.`)
    return {
      invitationId: inv.id,
      participantId: inv.participant_id,
      studyId: inv.study_id,
      label: inv.label,
      studyName: inv.study_name,
      mode: inv.mode,
      protocol,
      actor: actorOf(c, inv.mode, inv.participant_id),
    }
  }

  // Links whose answers this server saved lately, by hash (the 1000 most recent): their
  // next autosave is written in one statement that itself checks the link is still open
  // (not withdrawn, not expired), instead of looking the link up first. Anything that
  // statement cannot do goes the long way, which also says what is wrong.
  type Remembered = Pick<Opened, 'participantId' | 'mode' | 'protocol'> & {
    readonly invitationId: string
  }
  const lately = new Map<string, Remembered>()
  const remember = (link: string, o: Remembered) => {
    lately.set(link, {
      invitationId: o.invitationId,
      participantId: o.participantId,
      mode: o.mode,
      protocol: o.protocol,
    })
    if (lately.size > 1000) lately.delete(lately.keys().next().value!)
  }

  app.get('/:token', async (c) => {
    const o = await open(c)
    const interview = await store.interviews.get(o.participantId)
    return c.json({
      participant: o.label,
      studyName: o.studyName,
      protocol: o.protocol,
      state: interview?.state ?? emptyInterview,
      status: interview?.status ?? 'in_progress',
      revision: interview?.revision ?? 0,
      mode: o.mode,
    } satisfies InterviewSession)
  })

  app.post('/:token/changes', async (c) => {
    const link = linkOf(c)
    const known = lately.get(link)
    lately.delete(link)
    let body: SaveChanges | null = null
    if (known !== undefined) {
      body = await readBody(c, saveChangesSchema).catch(async (error: unknown) => {
        await open(c) // a closed link says so before a bad body does
        throw error
      })
      const saved = await store.interviews.saveWhileOpen(
        { id: known.invitationId, at: now() },
        actorOf(c, known.mode, known.participantId),
        known.participantId,
        known.protocol,
        body.changes,
      )
      if (saved !== null) {
        remember(link, known)
        return c.json(saved)
      }
    }
    const o = await open(c)
    body ??= await readBody(c, saveChangesSchema)
    const saved = await store.interviews.save(o.actor, o.participantId, o.protocol, body.changes)
    remember(link, o)
    return c.json(saved)
  })

  app.post('/:token/submit', async (c) => {
    const o = await open(c)
    await store.interviews.submit(o.actor, o.participantId, o.protocol)
    return c.json({ status: 'submitted' as const })
  })

  /** Contacts already named in the study, for autocomplete: at least 2 characters, 10 answers. */
  app.get('/:token/suggestions', async (c) => {
    const o = await open(c)
    const q = (c.req.query('q') ?? '').trim().slice(0, 100)
    if (q.length < 2) return c.json([])
    return c.json(await store.studies.alterNames(o.studyId, q, 10))
  })

  return app
}

const notValid = () =>
  new HttpError(
    404,
    'This interview link is not valid. Check that you copied all of it, or ask the research team for a new one.',
    'not_found',
  )
