import { describe, expect, it } from 'vitest'
import { formatThreeFiles } from '../export/format-three-files.js'
import { importThreeFiles } from '../import/three-files.js'
import { density } from '../measures/density.js'
import { pcnCodePattern, practiceCodePattern } from '../deprivation/area-code.js'
import { demoPractices } from './demo-practices.js'
import { generateDemoStudy, orgTypes } from './generate-demo.js'

describe('generateDemoStudy', () => {
  it('is deterministic per seed', () => {
    expect(generateDemoStudy({ egos: 30, seed: 9 })).toEqual(
      generateDemoStudy({ egos: 30, seed: 9 }),
    )
    expect(generateDemoStudy({ egos: 30, seed: 9 })).not.toEqual(
      generateDemoStudy({ egos: 30, seed: 10 }),
    )
  })

  it('pins the data of seed 1, so the quickstart output stays the same', () => {
    const texts = formatThreeFiles(generateDemoStudy({ egos: 20, seed: 1 }))
    expect(texts.egos).toMatchSnapshot()
    expect(texts.alters.length).toMatchSnapshot()
    expect(texts.ties.length).toMatchSnapshot()
  })

  it('has the shape of a national study at 3,500 egos: about 27 alters and 56 ties each', () => {
    const study = generateDemoStudy({ egos: 3500, seed: 1 })
    const alters = study.networks.reduce((s, n) => s + n.alters.length, 0)
    const ties = study.networks.reduce(
      (s, n) => s + n.ties.filter((t) => t.state === 'yes').length,
      0,
    )
    expect(alters / 3500).toBeGreaterThan(25)
    expect(alters / 3500).toBeLessThan(29)
    expect(ties / 3500).toBeGreaterThan(50)
    expect(ties / 3500).toBeLessThan(62)
  })

  it('writes files the importer reads back unchanged, with edge-case egos', () => {
    const study = generateDemoStudy({ egos: 50, seed: 2 })
    const texts = formatThreeFiles(study)
    const back = importThreeFiles(
      {
        egos: { name: 'egos.csv', text: texts.egos },
        alters: { name: 'alters.csv', text: texts.alters },
        ties: { name: 'ties.csv', text: texts.ties },
      },
      { codebook: study.codebook },
    )
    expect(back.ok).toBe(true)
    if (!back.ok) return
    expect(back.value.networks).toEqual(study.networks)
    const sizes = study.networks.map((n) => n.alters.length)
    for (const n of [0, 1, 2]) expect(sizes).toContain(n)
    expect(
      study.networks.every((n) =>
        n.alters.every((a) => orgTypes.includes(a.attributes['org_type'] as never)),
      ),
    ).toBe(true)
  })

  it('bases each ego in a real-looking practice of its own IMD decile, with the PCN of that practice', () => {
    const study = generateDemoStudy({ egos: 300, seed: 4 })
    const practices = new Set<string>()
    for (const net of study.networks) {
      const a = net.ego.attributes
      expect(a['practice_code']).toMatch(practiceCodePattern)
      expect(a['pcn_code']).toMatch(pcnCodePattern)
      const ofDecile = demoPractices[(a['imd_decile'] as number) - 1]!
      expect(ofDecile).toContainEqual([a['practice_code'], a['pcn_code']])
      practices.add(a['practice_code'] as string)
    }
    expect(practices.size).toBeGreaterThan(100)
    expect(study.codebook.ego['practice_code']).toMatchObject({ type: 'text' })
  })

  it('makes networks denser within sectors than between them', () => {
    const study = generateDemoStudy({ egos: 300, seed: 5 })
    let within = [0, 0]
    let between = [0, 0]
    for (const net of study.networks) {
      const yes = new Set(
        net.ties
          .filter((t) => t.state === 'yes')
          .map((t) => `${Math.min(t.from, t.to)}-${Math.max(t.from, t.to)}`),
      )
      for (let j = 0; j < net.alters.length; j++) {
        for (let k = j + 1; k < net.alters.length; k++) {
          const same =
            net.alters[j]!.attributes['org_type'] === net.alters[k]!.attributes['org_type']
          const tied = yes.has(`${j}-${k}`) ? 1 : 0
          if (same) within = [within[0]! + tied, within[1]! + 1]
          else between = [between[0]! + tied, between[1]! + 1]
        }
      }
    }
    expect(within[0]! / within[1]!).toBeGreaterThan(2 * (between[0]! / between[1]!))
    expect(density(study.networks[0]!)).not.toBeNull()
  })
})
