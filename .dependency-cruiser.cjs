/**
 * `npm run lint`'s dependency check: no import cycle, type-only imports included, and the UI never
 * reaches into the background's modules (it speaks to the background only through core/messages.ts).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Modules import one way: a cycle (type-only imports count) means a type lives in the wrong module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'ui-not-into-background',
      severity: 'error',
      comment: 'Components and UI entrypoints use the protocol (core/messages.ts), never the background’s modules or types.',
      from: { path: '^(components/|entrypoints/(popup|options|allow)/)' },
      to: { path: '^core/background/' },
    },
    {
      name: 'content-not-into-background',
      severity: 'error',
      comment: 'Content scripts and page tools run in pages: they reach the background by message only.',
      from: { path: '^(core/content/|core/reader/|core/sites/|entrypoints/(content|reader|picker|bound)\\.ts)' },
      to: { path: '^core/background/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved would hide its edges from the checks above.',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(#imports|wxt/|virtual:)' },
    },
  ],
  options: {
    // Type-only imports (`import type`, `import { type X }`) are kept as edges, so a type cycle is a cycle.
    tsPreCompilationDeps: true,
    // `@/x` is the project root (WXT's alias). WXT's tsconfig states it relative to .wxt/ without a
    // baseUrl, which the resolver's tsconfig support misreads, so it is given as a resolve alias.
    webpackConfig: { fileName: 'test/depcruise-resolve.cjs' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.wxt|\\.output|node_modules|test/fixtures)/' },
    moduleSystems: ['es6'],
  },
};
