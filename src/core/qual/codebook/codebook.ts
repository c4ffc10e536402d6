import * as z from 'zod/mini'
import { codeIdSchema, type CodeId } from '../ids.js'

/**
 * A code (theme, node): hierarchical through `parentId`, with a definition,
 * a colour and examples. `isCodable: false` marks a grouping that holds codes
 * but is not applied to text (REFI-QDA's isCodable, NVivo's folders).
 */
export const codeSchema = z.readonly(
  z.object({
    id: codeIdSchema,
    name: z.string().check(z.minLength(1, 'A code needs a name.')),
    parentId: z.nullable(codeIdSchema),
    isCodable: z.boolean(),
    /** `#RRGGBB`, or null for no colour. */
    color: z.nullable(
      z
        .string()
        .check(z.regex(/^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/, 'Use a colour like #1f77b4.')),
    ),
    /** The definition: what the code means and when to apply it. */
    description: z.string(),
    /** Short example quotes or situations that fit the code. */
    examples: z.readonly(z.array(z.string())),
  }),
)
export type Code = z.infer<typeof codeSchema>

/** Codes in display order: a parent before its children, siblings in list order. */
export const codebookSchema = z.readonly(
  z.object({
    codes: z.readonly(z.array(codeSchema)),
  }),
)
export type Codebook = z.infer<typeof codebookSchema>

export const emptyCodebook: Codebook = { codes: [] }

/** Children of `parentId` (null: top level), in codebook order. */
export function childCodes(codebook: Codebook, parentId: CodeId | null): Code[] {
  return codebook.codes.filter((c) => c.parentId === parentId)
}

/** A code and all codes below it, depth first. */
export function codeWithDescendants(codebook: Codebook, id: CodeId): CodeId[] {
  const out: CodeId[] = []
  const visit = (current: CodeId): void => {
    out.push(current)
    for (const child of childCodes(codebook, current)) visit(child.id)
  }
  if (codebook.codes.some((c) => c.id === id)) visit(id)
  return out
}

/** Names from the top of the tree down to the code: ["Barriers", "Transport"]. */
export function codePath(codebook: Codebook, id: CodeId): string[] {
  const byId = new Map(codebook.codes.map((c) => [c.id, c]))
  const path: string[] = []
  let current = byId.get(id)
  const seen = new Set<CodeId>()
  while (current !== undefined && !seen.has(current.id)) {
    seen.add(current.id)
    path.unshift(current.name)
    current = current.parentId === null ? undefined : byId.get(current.parentId)
  }
  return path
}

/** Codes ordered as a tree (parents before children), whatever the input order. */
export function treeOrder(codes: readonly Code[]): Code[] {
  const ids = new Set(codes.map((c) => c.id))
  const out: Code[] = []
  const visit = (parent: CodeId | null): void => {
    for (const c of codes) {
      const effectiveParent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null
      if (effectiveParent === parent) {
        out.push(c)
        visit(c.id)
      }
    }
  }
  visit(null)
  return out
}
