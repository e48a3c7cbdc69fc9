/** Features as nodes (`npm run lint:deps`): no feature may depend on itself through others, types included. */
module.exports = {
  forbidden: [
    {
      name: 'no-feature-cycle',
      severity: 'error',
      comment: 'Features must not depend on each other in a circle; move the shared concept down to one home.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    collapse: '^src/[^/]+/',
    exclude: { path: ['node_modules', '\\.test\\.tsx?$', 'test-support\\.ts$', '^test/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
