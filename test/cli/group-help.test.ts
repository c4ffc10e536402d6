import { describe, expect, it } from 'vitest'
import { groupHelp, subcommandHelp } from '../../src/cli/command-group.js'
import { areaGroup } from '../../src/cli/commands/area.js'
import { protocolGroup } from '../../src/cli/commands/protocol.js'
import { qualGroup } from '../../src/cli/commands/qual.js'
import { usersGroup } from '../../src/cli/commands/users.js'
import { spnet } from './run-cli.js'

// Every command of spnet made of subcommands.
const groups = [qualGroup, areaGroup, usersGroup, protocolGroup]

describe.each(groups)('spnet $name', (group) => {
  it('--help prints the overview, listing every subcommand', async () => {
    const result = await spnet([group.name, '--help'])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(groupHelp(group))
    for (const sub of group.subcommands) expect(result.stdout).toMatch(`\n  ${sub.name}`)
  })

  it.each(group.subcommands)('$name --help, -h and help print its own help', async (sub) => {
    const help = subcommandHelp(group, sub)
    expect(help).toMatch(new RegExp(`^spnet ${group.name} ${sub.name}\\b`))
    for (const argv of [
      [group.name, sub.name, '--help'],
      [group.name, sub.name, '-h'],
      ['help', group.name, sub.name],
    ]) {
      const result = await spnet(argv)
      expect(result, argv.join(' ')).toEqual({ status: 0, stdout: help, stderr: '' })
    }
  })

  it.each(group.subcommands)('$name takes the options its help lists', async (sub) => {
    for (const [flag] of [...(sub.options ?? []), ...(group.options ?? [])]) {
      // `--code C` takes a value; `--apply` does not.
      const [name, value] = flag.split(' ')
      const argv = [group.name, sub.name, name!, ...(value === undefined ? [] : ['x']), '--help']
      const result = await spnet(argv)
      expect(result.stderr, argv.join(' ')).toBe('')
      expect(result.stdout).toBe(subcommandHelp(group, sub))
    }
  })

  it('an unknown subcommand with --help is a usage error naming the real ones', async () => {
    const result = await spnet([group.name, 'frobnicate', '--help'])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(`"frobnicate" is not an spnet ${group.name} command.`)
    expect(result.stderr).toMatch(group.subcommands.map((s) => s.name).join(', '))
    expect(result.stderr).not.toMatch(/internal error/)
  })

  it('keeps its help texts within 80 characters a line', () => {
    const texts = [groupHelp(group), ...group.subcommands.map((s) => subcommandHelp(group, s))]
    for (const line of texts.join('\n').split('\n'))
      expect(line.length, line).toBeLessThanOrEqual(80)
  })
})

// Groups whose subcommands share one parser: a flag of another subcommand is refused.
describe.each([
  ['qual', 'status', '--by', 'imd_quintile'],
  ['users', 'list', '--role', 'admin'],
  ['protocol', 'validate', '--out', 'x.json'],
])('spnet %s %s %s', (group, sub, flag, value) => {
  it('is a usage error naming the flag and the options it takes; nothing runs', async () => {
    const result = await spnet([group, sub, flag, value])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(`spnet ${group} ${sub} does not take ${flag}.`)
    expect(result.stderr).toMatch(`See spnet ${group} ${sub} --help.`)
    expect(result.stderr).not.toMatch(/internal error/)
  })
})

describe('spnet help COMMAND', () => {
  it('is spnet COMMAND --help', async () => {
    expect(await spnet(['help', 'measures'])).toEqual(await spnet(['measures', '--help']))
    expect(await spnet(['help', 'qual'])).toEqual(await spnet(['qual', '--help']))
  })
  it('alone, or of itself, prints the list of commands', async () => {
    const top = await spnet(['--help'])
    expect(await spnet(['help'])).toEqual(top)
    expect(await spnet(['help', 'help'])).toEqual(top)
  })
  it('of an unknown command is a usage error', async () => {
    const result = await spnet(['help', 'frobnicate'])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/"frobnicate" is not an spnet command/)
  })
})
