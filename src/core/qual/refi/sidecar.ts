import * as z from 'zod/mini'
import {
  networkLinkSchema,
  pseudonymisationStates,
  qualVariableSchema,
  summarySchema,
} from '../project.js'
import { cueSchema, transcriptFormats, turnSchema, unitSchema } from '../transcripts/transcript.js'

/**
 * `spnet.json`, stored beside project.qde in spnet's .qdpx exports: what
 * REFI-QDA has no element for (transcript structure and timings, declared
 * units, links from segments to alters and ties, framework summaries, the
 * case's ego id). Other programs ignore the file; spnet reads it back so that
 * an export imports with nothing lost. The pseudonymisation key is never in it.
 */
export const sidecarSchema = z.object({
  spnet: z.literal(1),
  createdAt: z.nullable(z.string()),
  variables: z.array(qualVariableSchema),
  sources: z.record(
    z.string(),
    z.object({
      format: z.enum(transcriptFormats),
      turns: z.array(turnSchema),
      cues: z.array(cueSchema),
      units: z.array(unitSchema),
      pseudonymisation: z.enum(pseudonymisationStates),
      /** Attributes set to null (missing): REFI-QDA has no value for them. */
      nulls: z.array(z.string()),
    }),
  ),
  cases: z.record(
    z.string(),
    z.object({ egoId: z.nullable(z.string()), nulls: z.array(z.string()) }),
  ),
  links: z.record(z.string(), networkLinkSchema),
  summaries: z.array(summarySchema),
})
export type Sidecar = z.infer<typeof sidecarSchema>

export const sidecarPath = 'spnet.json'
