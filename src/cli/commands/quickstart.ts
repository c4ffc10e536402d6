import { join } from 'node:path'
import { defaultComparedMeasures } from '../../core/compare/compare-groups.js'
import { generateDemoStudy } from '../../core/demo/generate-demo.js'
import { formatComparisonMarkdown } from '../../core/export/format-comparison.js'
import { formatMeasuresCsv } from '../../core/export/format-measure-table.js'
import { formatMeasureSummary } from '../../core/export/format-measure-summary.js'
import { computeMeasures, measureContext } from '../../core/measures/index.js'
import { parseFlags } from '../args.js'
import { dataDir } from '../data-dir.js'
import type { Io } from '../io.js'
import { writeAtomic } from '../output.js'
import { readStudy } from '../read-study.js'
import { runComparison } from './compare.js'
import { writeStudyFolder } from './demo.js'

export const quickstartHelp = `spnet quickstart

A tour of the analysis engine in the terminal (npm run quickstart): writes a
synthetic study of 20 link workers (seed 1) to spnet's data directory, reads
it back as any study would be read, and prints a summary of the ego-network
measures and the comparison of link workers by IMD quintile.
`

export async function quickstartCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags('quickstart', argv, { help: { type: 'boolean', short: 'h' } })
  if (values.help === true) {
    io.stdout.write(quickstartHelp)
    return 0
  }
  const dir = join(dataDir(io.env), 'demo-study')
  await writeStudyFolder(generateDemoStudy({ egos: 20, seed: 1 }), dir, true)

  const study = await readStudy({ path: dir }, io)
  const context = measureContext(study)
  if (!context.ok) throw context.error
  const table = computeMeasures(study, context.value.context)
  const measuresFile = join(dir, 'measures.csv')
  await writeAtomic(measuresFile, formatMeasuresCsv(table))
  const alters = study.networks.reduce((s, n) => s + n.alters.length, 0)
  const ties = study.networks.reduce(
    (s, n) => s + n.ties.filter((t) => t.state === 'yes').length,
    0,
  )

  const shown = [
    ...defaultComparedMeasures('org_type'),
    ...study.generators.map((g) => `size_${g}`),
  ].filter((c) => table.columns.includes(c))
  io.stdout.write(
    `# spnet quickstart: a synthetic study of ${study.networks.length} link workers\n\n` +
      `Made-up data: ${study.networks.length} link workers, ${alters} contacts (alters), ${ties} ties between contacts.\n` +
      `Study files: ${dir}\nPer-ego measures (all ${table.columns.length - 1} columns): ${measuresFile}\n\n` +
      `## Ego-network measures across the ${study.networks.length} link workers\n\n` +
      formatMeasureSummary(table, shown) +
      '\n',
  )
  const comparison = runComparison(study, {
    by: 'imd_quintile',
    measures: shown.filter((c) => !c.startsWith('size_')),
    pair: ['1', '5'],
    io,
  })
  io.stdout.write(formatComparisonMarkdown(comparison))
  io.stdout.write(
    `\nIMD quintile 1 = most deprived 20% of areas.\n\nTry next (as npm run spnet -- <command>, or spnet <command> after npm link):\n` +
      `  spnet measures --list                      what each measure means, with citations\n` +
      `  spnet compare ${dir} --by implementation_model\n` +
      `  spnet demo --egos 3500 --out national       a national-scale synthetic study\n`,
  )
  return 0
}
