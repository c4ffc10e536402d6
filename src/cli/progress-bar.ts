import cliProgress from 'cli-progress'
import type { Progress } from './io.js'

/** A cli-progress bar on stderr, shown only when stderr is a terminal. */
export function terminalProgress(label: string, total: number, unit = 'MB'): Progress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined }
  // Files under 1 MB count in kB, so a finished small file reads 100%, not 0.2/1 MB.
  if (unit === 'MB' && total < 1_000_000) unit = 'kB'
  const scale = unit === 'MB' ? 1_000_000 : unit === 'kB' ? 1000 : 1
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(Math.max(0.1, Math.round((total / scale) * 10) / 10), 0)
  return {
    update: (done) => {
      bar.update(Math.round((done / scale) * 10) / 10)
    },
    stop: () => {
      bar.stop()
    },
  }
}
