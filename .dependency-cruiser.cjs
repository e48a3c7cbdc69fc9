/** Import rules checked in CI (`npm run lint:deps`). */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules must not import each other in a circle.',
      from: { path: '^src' },
      to: { circular: true },
    },
    {
      name: 'platform-knows-no-feature',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: '^src/platform/' },
    },
    {
      name: 'no-foreign-tables',
      severity: 'error',
      comment: 'A feature reaches another only through its exported use cases and queries, never its tables.',
      from: { path: '^src/([^/]+)/', pathNot: ['\\.test\\.tsx?$', 'test-support\\.ts$', '^src/demo/'] },
      to: {
        path: '^src/([^/]+)/schema\\.ts$',
        pathNot: ['^src/$1/', '^src/platform/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'open-data-is-read-by-no-feature',
      severity: 'error',
      comment: 'Open data reads every feature’s figures; a feature depending on it would close a circle later.',
      from: { path: '^src/', pathNot: ['^src/open-data/', '^src/app\\.ts$', '^src/messages\\.ts$'] },
      to: { path: '^src/open-data/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
