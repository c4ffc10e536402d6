import type { StudyInput } from './read-study.js'
import { list, usage } from './args.js'

/** Flags shared by every command that reads a study. */
export const studyFlags = {
  'egos-file': { type: 'string' },
  'alters-file': { type: 'string' },
  'ties-file': { type: 'string' },
  codebook: { type: 'string' },
  delimiter: { type: 'string' },
  'ego-id-col': { type: 'string' },
  'alter-id-col': { type: 'string' },
  'from-col': { type: 'string' },
  'to-col': { type: 'string' },
  'state-col': { type: 'string' },
  'weight-col': { type: 'string' },
  'frequency-col': { type: 'string' },
  generators: { type: 'string' },
} as const

export const studyFlagsHelp = `Reading the study (a folder of three CSV files, or an spnet .json file):
  --egos-file NAME      egos file in the folder (default egos.csv)
  --alters-file NAME    alters file (default alters.csv)
  --ties-file NAME      alter–alter ties file (default ties.csv)
  --codebook FILE       codebook JSON (default: codebook.json in the folder, if any)
  --delimiter C         field delimiter (default: detected from the header; , ; or tab)
  --ego-id-col C --alter-id-col C --from-col C --to-col C
  --state-col C --weight-col C --frequency-col C
                        column names, if not ego_id, alter_id, from, to, state,
                        weight and frequency
  --generators A,B      name-generator 0/1 columns of alters.csv
                        (default: those of work_contact, refers_to, advice_support,
                        capacity_building present)`

type StudyFlagValues = { readonly [K in keyof typeof studyFlags]?: string | undefined }

export function studyInput(path: string, values: StudyFlagValues): StudyInput {
  const delimiter =
    values.delimiter === '\\t' || values.delimiter === 'tab' ? '\t' : values.delimiter
  if (
    delimiter !== undefined &&
    (delimiter.length !== 1 || delimiter === '"' || /[\r\n]/.test(delimiter))
  ) {
    throw usage(`--delimiter must be one character, such as , or ; (or "tab"), not "${delimiter}".`)
  }
  return {
    path,
    egosFile: values['egos-file'],
    altersFile: values['alters-file'],
    tiesFile: values['ties-file'],
    codebook: values.codebook,
    delimiter,
    columns: {
      egoId: values['ego-id-col'],
      alterId: values['alter-id-col'],
      from: values['from-col'],
      to: values['to-col'],
      state: values['state-col'],
      weight: values['weight-col'],
      frequency: values['frequency-col'],
      generators: list(values.generators),
    },
  }
}
