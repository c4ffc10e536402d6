import { Hono } from 'hono'
import * as z from 'zod/mini'
import {
  createInvitationSchema,
  createParticipantSchema,
  createStudySchema,
  type NewInvitation,
  type ParticipantDetail,
  type StudyPage,
} from '../../core/api/api.js'
import { deprivationSettingSchema } from '../../core/api/deprivation-api.js'
import { SpnetError } from '../../core/errors.js'
import { requirePermission } from '../auth.js'
import type { AppEnv, AppOptions } from '../context.js'
import { readBody } from '../read-body.js'
import { studyDeprivation } from '../study-deprivation.js'
import { randomToken, tokenHash } from '../tokens.js'

const attributeValue = z.union([
  z.string().check(z.maxLength(200)),
  z.number(),
  z.boolean(),
  z.null(),
])
export const updateParticipantSchema = z.strictObject({
  attributes: z.record(
    z
      .string()
      .check(
        z.regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and _ for attribute names.'),
      ),
    attributeValue,
  ),
})

/** Studies, their participants, and the participants' invitation links. */
export function studyRoutes(options: AppOptions) {
  const { store } = options
  const now = options.now ?? (() => new Date())
  const app = new Hono<AppEnv>()
  const actorOf = (c: { get: (k: 'user') => { id: string } | null }) =>
    ({ kind: 'user', id: c.get('user')!.id }) as const

  app.get('/studies', requirePermission('studies:read'), async (c) =>
    c.json(await store.studies.list()),
  )

  app.post('/studies', requirePermission('studies:write'), async (c) => {
    const body = await readBody(c, createStudySchema)
    return c.json(await store.studies.create(actorOf(c), body), 201)
  })

  app.get('/studies/:id', requirePermission('studies:read'), async (c) => {
    const study = await store.studies.get(uuid(c.req.param('id'), 'study'))
    if (study === null) throw new SpnetError('not_found', 'There is no such study.')
    const placed = await studyDeprivation(store, options.areas, study)
    return c.json({ ...study, deprivation: placed?.view ?? null } satisfies StudyPage)
  })

  // How the study places participants on the IMD (deprivation-api.ts); DELETE stops it.
  app.put('/studies/:id/deprivation', requirePermission('studies:write'), async (c) => {
    const body = await readBody(c, deprivationSettingSchema)
    const setting = await store.studies.setDeprivation(
      actorOf(c),
      uuid(c.req.param('id'), 'study'),
      body,
    )
    return c.json({ setting })
  })

  app.delete('/studies/:id/deprivation', requirePermission('studies:write'), async (c) => {
    await store.studies.setDeprivation(actorOf(c), uuid(c.req.param('id'), 'study'), null)
    return c.json({ setting: null })
  })

  app.post('/studies/:id/participants', requirePermission('participants:write'), async (c) => {
    const body = await readBody(c, createParticipantSchema)
    const participant = await store.studies.addParticipant(
      actorOf(c),
      uuid(c.req.param('id'), 'study'),
      body,
    )
    return c.json(participant, 201)
  })

  app.get('/participants/:id', requirePermission('studies:read'), async (c) => {
    const participant = await store.studies.participant(uuid(c.req.param('id'), 'participant'))
    if (participant === null) throw new SpnetError('not_found', 'There is no such participant.')
    const study = await store.studies.get(participant.studyId)
    const protocol =
      study === null ? null : await store.protocols.get(study.protocol.id, study.protocol.version)
    if (protocol === null) throw new SpnetError('internal', `The study's protocol is missing.`)
    const interview = await store.interviews.get(participant.id)
    const placed = study === null ? null : await studyDeprivation(store, options.areas, study)
    return c.json({
      ...participant,
      protocol,
      state: interview?.state ?? null,
      deprivation:
        placed === null
          ? null
          : {
              setting: placed.view.setting,
              problem: placed.view.problem,
              placement: placed.view.participants[participant.id] ?? null,
            },
    } satisfies ParticipantDetail)
  })

  app.patch('/participants/:id', requirePermission('participants:write'), async (c) => {
    const body = await readBody(c, updateParticipantSchema)
    const participant = await store.studies.updateParticipant(
      actorOf(c),
      uuid(c.req.param('id'), 'participant'),
      body.attributes,
    )
    return c.json(participant)
  })

  app.post('/participants/:id/invitations', requirePermission('invitations:write'), async (c) => {
    const body = await readBody(c, createInvitationSchema)
    const participantId = uuid(c.req.param('id'), 'participant')
    const participant = await store.studies.participant(participantId)
    if (participant === null) throw new SpnetError('not_found', 'There is no such participant.')
    const token = randomToken()
    const invitation = await store.studies.createInvitation(actorOf(c), participantId, {
      tokenHash: tokenHash(token),
      mode: body.mode,
      expiresAt: new Date(now().getTime() + body.expiresInDays * 24 * 60 * 60 * 1000),
    })
    const base = options.publicUrl ?? new URL(c.req.url).origin
    const url = `${base.replace(/\/+$/, '')}/i/${token}`
    return c.json({ invitation, url } satisfies NewInvitation, 201)
  })

  app.post('/invitations/:id/revoke', requirePermission('invitations:write'), async (c) => {
    return c.json(
      await store.studies.revokeInvitation(actorOf(c), uuid(c.req.param('id'), 'invitation')),
    )
  })

  return app
}

const uuidSchema = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i))

/** Ids in addresses are UUIDs; anything else is simply not found (and never reaches SQL as a bad cast). */
function uuid(value: string, what: string): string {
  if (!uuidSchema.safeParse(value).success)
    throw new SpnetError('not_found', `There is no such ${what}.`)
  return value.toLowerCase()
}
