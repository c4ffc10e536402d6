import { describe, expect, it } from 'vitest'
import { starterCodebook } from '../codebook/starter-codebook.js'
import { describeWithExamples, formatQdc, parseQdc, splitExamples } from './codebook-qdc.js'

describe('.qdc codebooks', () => {
  it('round-trips the starter codebook, hierarchy, colours and examples included', () => {
    const book = starterCodebook()
    const xml = formatQdc(book)
    expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="spnet">')
    const back = parseQdc(xml, 'starter.qdc')
    expect(back.ok && back.value).toEqual(book)
  })

  it('keeps examples in the description and reads them back', () => {
    const d = describeWithExamples({ description: 'Waits.', examples: ['Six months', 'Closed'] })
    expect(d).toBe('Waits.\n\nExamples:\n- Six months\n- Closed')
    expect(splitExamples(d)).toEqual({ description: 'Waits.', examples: ['Six months', 'Closed'] })
    expect(splitExamples('Plain text.\n\nExamples:\nnot a list')).toEqual({
      description: 'Plain text.\n\nExamples:\nnot a list',
      examples: [],
    })
  })

  it('reads a Taguette-style flat codebook with braces and upper-case GUIDs, and defaults isCodable', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4.1"><Codes>
<Code guid="{A182CD3A-D83C-4D8C-BC80-26D9103EC6D6}" name="interesting" color="#ff0"><Description>Worth a look</Description></Code>
<Code guid="2D2466F0-D77F-4F8C-BDF9-628966B6B74D" name="people" isCodable="true"/>
</Codes><Sets/></CodeBook>`
    const r = parseQdc(xml, 't.qdc')
    expect(r.ok && r.value.codes).toEqual([
      {
        id: 'a182cd3a-d83c-4d8c-bc80-26d9103ec6d6',
        name: 'interesting',
        parentId: null,
        isCodable: true,
        color: '#ff0',
        description: 'Worth a look',
        examples: [],
      },
      {
        id: '2d2466f0-d77f-4f8c-bdf9-628966b6b74d',
        name: 'people',
        parentId: null,
        isCodable: true,
        color: null,
        description: '',
        examples: [],
      },
    ])
  })

  it('refuses bad GUIDs, duplicates, the wrong root and malformed XML', () => {
    const bad = parseQdc(
      '<CodeBook><Codes><Code guid="x" name="a" isCodable="true"/><Code guid="2D2466F0-D77F-4F8C-BDF9-628966B6B74D" name="b" isCodable="true"/><Code guid="2D2466F0-D77F-4F8C-BDF9-628966B6B74D" name="c" isCodable="true"/></Codes></CodeBook>',
      'b.qdc',
    )
    expect(!bad.ok && bad.error.issues.map((i) => i.path)).toEqual([
      'Codes/Code[0]',
      'Codes/Code[2]',
    ])
    const project = parseQdc('<Project name="x"/>', 'p.qdc')
    expect(!project.ok && project.error.message).toMatch(/not a REFI-QDA codebook/)
    const broken = parseQdc('<CodeBook><Codes></CodeBook>', 'x.qdc')
    expect(!broken.ok && broken.error.issues[0]!.line).toBe(1)
  })
})
