import { describe, expect, it } from 'vitest'
import {
  answerHelp,
  checkOptions,
  findSubcommand,
  groupHelp,
  subcommandHelp,
  type CommandGroup,
} from './command-group.js'
import type { Io } from './io.js'

const group: CommandGroup = {
  name: 'pets',
  about: 'Pets of a study.',
  subcommands: [
    { name: 'list', summary: 'every pet', about: 'Lists every pet.' },
    {
      name: 'add',
      args: 'NAME',
      summary: 'add a pet',
      about: 'Adds a pet called NAME.',
      options: [
        ['--kind cat|dog', 'what it is (default cat)'],
        [
          '--a-very-long-option-name VALUE',
          'a text long enough to be wrapped over two lines or more when it is laid out beside its flag',
        ],
      ],
    },
  ],
  options: [['--study ID', 'the study']],
  notes: 'Pets are made up.',
}

function captured(): { io: Io; out: () => string } {
  let text = ''
  return {
    io: {
      stdout: { write: (t) => void (text += t) },
      stderr: { write: () => {} },
      env: {},
      cwd: '/',
    },
    out: () => text,
  }
}

describe('groupHelp', () => {
  it('lists each subcommand with its summary, then the options every one takes', () => {
    expect(groupHelp(group)).toBe(`spnet pets <list|add> ...

Pets of a study.

  list        every pet
  add NAME    add a pet

  --study ID  the study

spnet pets <command> --help for a command's options.

Pets are made up.
`)
  })
})

describe('subcommandHelp', () => {
  it("gives the synopsis, what it does, and its options and the group's", () => {
    expect(subcommandHelp(group, findSubcommand(group, 'add'))).toBe(`spnet pets add NAME [options]

Adds a pet called NAME.

  --kind cat|dog  what it is (default cat)
  --a-very-long-option-name VALUE
                  a text long enough to be wrapped over two lines or more when
                  it is laid out beside its flag
  --study ID      the study
`)
  })
  it('keeps every line within 80 characters', () => {
    for (const line of subcommandHelp(group, findSubcommand(group, 'add')).split('\n'))
      expect(line.length).toBeLessThanOrEqual(80)
  })
})

describe('answerHelp', () => {
  it('prints the group help without a subcommand: status 0 when asked for, else 2', () => {
    const asked = captured()
    expect(answerHelp(group, undefined, true, asked.io)).toBe(0)
    expect(asked.out()).toBe(groupHelp(group))
    const missing = captured()
    expect(answerHelp(group, undefined, false, missing.io)).toBe(2)
    expect(missing.out()).toBe(groupHelp(group))
  })
  it("prints a subcommand's own help with --help, and nothing without", () => {
    const asked = captured()
    expect(answerHelp(group, 'list', true, asked.io)).toBe(0)
    expect(asked.out()).toBe(subcommandHelp(group, findSubcommand(group, 'list')))
    const run = captured()
    expect(answerHelp(group, 'list', false, run.io)).toBeNull()
    expect(run.out()).toBe('')
  })
  it('refuses an unknown subcommand, --help or not, naming the real ones', () => {
    for (const help of [true, false]) {
      expect(() => answerHelp(group, 'walk', help, captured().io)).toThrow(
        expect.objectContaining({
          code: 'usage',
          message: '"walk" is not an spnet pets command.',
          issues: [{ message: 'Use one of: list, add. See spnet pets --help.' }],
        }),
      )
    }
  })
})

describe('checkOptions', () => {
  it("accepts the subcommand's own options, the group's, and --help", () => {
    expect(() => {
      checkOptions(group, 'add', { kind: 'dog', 'a-very-long-option-name': 'x', study: 's' })
    }).not.toThrow()
    expect(() => {
      checkOptions(group, 'list', { study: 's', help: false })
    }).not.toThrow()
    // Flags parsed but not given are undefined.
    expect(() => {
      checkOptions(group, 'list', { kind: undefined })
    }).not.toThrow()
  })
  it("refuses another subcommand's options, naming them and the ones it takes", () => {
    expect(() => {
      checkOptions(group, 'list', { kind: 'dog', study: 's' })
    }).toThrow(
      expect.objectContaining({
        code: 'usage',
        message: 'spnet pets list does not take --kind.',
        issues: [{ message: 'Its options are --study. See spnet pets list --help.' }],
      }),
    )
  })
  it('says when a subcommand takes no options at all', () => {
    const { options: _, ...bare } = group
    expect(() => {
      checkOptions(bare, 'list', { kind: 'dog' })
    }).toThrow(
      expect.objectContaining({
        issues: [{ message: 'It takes no options. See spnet pets list --help.' }],
      }),
    )
  })
})
