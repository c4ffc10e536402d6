/**
 * What a command may touch besides files: its output streams, environment
 * and working directory. Tests pass captured streams; `bin.ts` passes the
 * process's own.
 */
export type Output = {
  write(text: string): void
  /** True when output goes to a terminal (colours, progress bars). */
  readonly isTTY?: boolean | undefined
}

export type Io = {
  readonly stdout: Output
  readonly stderr: Output
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
}
