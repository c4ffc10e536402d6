// Preloaded into `spnet serve` by bench/server.bench.mjs when
// BENCH_SERVER_TIMING=1 (node --import): every response carries
// `Server-Timing: app;dur=<ms>`, the time from Node handing the server the
// request (its headers read) to the response's headers being written. The
// bench compares it with what the client saw, to tell the server's time from
// the client's and the network's. Time a request spends unread, while the
// server's thread is busy with others (and with PGlite's queries, which run on
// it), is not in it. Not part of spnet: nothing else loads it.
import http from 'node:http'

const emit = http.Server.prototype.emit
http.Server.prototype.emit = function (event, ...args) {
  if (event === 'request') {
    const started = performance.now()
    const res = args[1]
    const writeHead = res.writeHead
    res.writeHead = function (...headArgs) {
      if (!res.headersSent)
        res.setHeader('Server-Timing', `app;dur=${(performance.now() - started).toFixed(2)}`)
      return writeHead.apply(this, headArgs)
    }
  }
  return emit.call(this, event, ...args)
}
