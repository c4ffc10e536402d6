import * as z from 'zod/mini'

/**
 * A transcript's text and its structure. The text is what researchers code
 * and what REFI-QDA exports as the source's plain text: line breaks are LF,
 * offsets are code points (text/code-points.ts).
 */
export const transcriptFormats = ['text', 'docx', 'vtt', 'srt', 'refi'] as const
export type TranscriptFormat = (typeof transcriptFormats)[number]

const offset = z.number().check(z.int(), z.nonnegative())

/**
 * A speaker turn: [start, end) is the whole turn, [start, contentStart) its
 * speaker label ("Zoë: "), empty when the turn has none. Turns from caption
 * files carry their first cue's start and last cue's end time.
 */
export const turnSchema = z.readonly(
  z.object({
    start: offset,
    end: offset,
    contentStart: offset,
    speaker: z.nullable(z.string()),
    startMs: z.nullable(offset),
    endMs: z.nullable(offset),
  }),
)
export type Turn = z.infer<typeof turnSchema>

/** A caption cue kept with its timestamps, placed in the transcript text. */
export const cueSchema = z.readonly(
  z.object({
    start: offset,
    end: offset,
    startMs: offset,
    endMs: offset,
    /** The cue identifier line, when the file had one. */
    cueId: z.nullable(z.string()),
  }),
)
export type Cue = z.infer<typeof cueSchema>

export const unitKinds = ['turn', 'sentence'] as const
export type UnitKind = (typeof unitKinds)[number]

/**
 * A declared unit of analysis: inter-coder agreement compares what coders did
 * unit by unit. Ids (`turn:3`, `sentence:17`) are positions, stable for a
 * given text.
 */
export const unitSchema = z.readonly(
  z.object({
    id: z.string(),
    kind: z.enum(unitKinds),
    start: offset,
    end: offset,
  }),
)
export type Unit = z.infer<typeof unitSchema>

export const transcriptSchema = z.readonly(
  z.object({
    text: z.string(),
    format: z.enum(transcriptFormats),
    turns: z.readonly(z.array(turnSchema)),
    cues: z.readonly(z.array(cueSchema)),
  }),
)
export type Transcript = z.infer<typeof transcriptSchema>
