// Runs the built CLI in this process, then reports the process's peak memory
// and CPU time on stderr's last line, for measures.bench.mjs. Node's own
// process.resourceUsage() is the only portable way to read peak RSS.
process.on('exit', () => {
  const usage = process.resourceUsage()
  process.stderr.write(
    `\nBENCH ${JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 })}\n`,
  )
})
process.argv.splice(1, 1)
await import('../dist/spnet.js')
