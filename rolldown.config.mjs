import { defineConfig } from 'rolldown'

// The CLI ships as one bundle (plus a chunk per command), because loading
// hundreds of small ES modules (zod alone is ~100) costs more start-up time
// than the whole measures job on a national study.
const measuresPath =
  /src[\\/]core[\\/](import|measures|network|export|errors|result)|src[\\/]cli[\\/](read-study|study-flags|decode-text|args|output|commands[\\/]measures)|d3-dsv/
const jsonOnly = /study-json|json-location/

export default defineConfig({
  input: { spnet: 'src/cli/bin.ts' },
  platform: 'node',
  logLevel: 'warn',
  // PGlite loads its WebAssembly and data files beside its own module, argon2 is a
  // native addon, and pg has optional native parts: they stay in node_modules.
  external: [/^node:/, /^@electric-sql\/pglite/, /^@node-rs\/argon2/, 'pg', 'pg-native'],
  // jsonc-parser's `main` is a UMD build with runtime requires; its ESM build bundles cleanly.
  resolve: { mainFields: ['module', 'main'] },
  output: {
    dir: 'dist',
    // Stale chunks from earlier builds would otherwise pile up (tsc writes dist/core after this).
    cleanDir: true,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    minify: false,
    sourcemap: true,
    // `spnet measures` loads its modules as one chunk: each ES module costs
    // Node 20 a few milliseconds to load, and this path had twenty. The JSON
    // importer stays apart: it is loaded only for a .json study.
    codeSplitting: {
      groups: [
        { name: 'measures-path', test: (id) => measuresPath.test(id) && !jsonOnly.test(id) },
      ],
    },
  },
})
