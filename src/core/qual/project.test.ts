import { describe, expect, it } from 'vitest'
import { codeId, isGuid, normaliseGuid } from './ids.js'
import { qualProjectSchema } from './project.js'
import { stableGuid } from './stable-guid.js'
import { sampleProject } from './test-support/sample-project.js'
import { validateProject } from './validate-project.js'

describe('project schema and validation', () => {
  it('parses a valid project and rejects a non-GUID id and a bad colour by path', () => {
    const { project } = sampleProject()
    expect(qualProjectSchema.safeParse(project).success).toBe(true)
    const badId = qualProjectSchema.safeParse({ ...project, coders: [{ id: 'ann', name: 'Ann' }] })
    expect(!badId.success && badId.error.issues[0]!.path).toEqual(['coders', 0, 'id'])
    const badColour = {
      ...project,
      codebook: { codes: [{ ...project.codebook.codes[0]!, color: 'red' }] },
    }
    const r = qualProjectSchema.safeParse(badColour)
    expect(!r.success && r.error.issues[0]!.path).toEqual(['codebook', 'codes', 0, 'color'])
  })

  it('finds dangling references, ranges past the text and code cycles', () => {
    const { project } = sampleProject()
    const ghost = codeId('00000000-0000-4000-8000-0000000000ff')
    const broken = {
      ...project,
      codebook: {
        codes: project.codebook.codes.map((c, i) =>
          i === 0 ? { ...c, parentId: project.codebook.codes[1]!.id } : c,
        ),
      },
      segments: project.segments.map((s, i) =>
        i === 0 ? { ...s, codeIds: [ghost] } : i === 1 ? { ...s, end: 10_000 } : s,
      ),
    }
    const r = validateProject(broken)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('validation')
    const paths = r.error.issues.map((i) => i.path)
    expect(paths).toContain('segments[0].codeIds[0]')
    expect(paths).toContain('segments[1]')
    expect(paths).toContain('codes[0].parentId')
  })

  it('name-based GUIDs are RFC 9562 version 5, stable and checked against Python’s uuid5', () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('f7b32e9b-dae9-51ee-a6c6-f87ca1011bb9'), 'Zoë 👍'))"
    expect(stableGuid('Zoë 👍')).toBe('d5a437a6-e625-5796-a727-06f83078a35b')
    // uuid.uuid5(uuid.NAMESPACE_URL, 'spnet') is spnet's namespace.
    expect(stableGuid('spnet', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe(
      'f7b32e9b-dae9-51ee-a6c6-f87ca1011bb9',
    )
    expect(isGuid(normaliseGuid('{A182CD3A-D83C-4D8C-BC80-26D9103EC6D6}'))).toBe(true)
    expect(isGuid('a182cd3a')).toBe(false)
  })
})
