/**
 * What a command may touch besides files: its output streams, environment
 * and working directory, and a progress bar. Tests pass captured streams and
 * no progress bar; `bin.ts` passes the process's own.
 */
export type Output = {
  write(text: string): void
  /** True when output goes to a terminal (colours, progress bars). */
  readonly isTTY?: boolean | undefined
}

/** A progress bar for long work; `update` takes the amount done so far. */
export type Progress = {
  readonly update: (done: number) => void
  readonly stop: () => void
}

export type Io = {
  readonly stdout: Output
  readonly stderr: Output
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  /** Starts a progress bar of `total` units (bytes unless `unit` says otherwise). */
  readonly progress?: ((label: string, total: number, unit?: string) => Progress) | undefined
}
