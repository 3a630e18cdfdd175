/**
 * The backend's layers, bottom first (docs/architecture.md draws them). A
 * layer may import only layers below it; `import/no-restricted-paths` fails
 * an import that runs upward, and `import/no-cycle` one that runs in a loop.
 * Tests and test utilities may import anything.
 */
const LAYERS = [
  'lib', // generic helpers: pagination, validation errors, caches, locks
  'vocabulary', // labels, names, planned kinds, delivery controllers
  'config.ts', // typed rayService.* config
  'kubernetes', // the adapter: clients per host cluster, object client
  'ray', // the adapter to Ray dashboards, through the API server's service proxy
  'store', // the database: one object per table
  'planner', // pure: a tenant in, Kubernetes objects out
  'access', // callers, permissions, group hierarchy
  'reconciler', // one host cluster: observe, diff, apply, status
  'hostClusters', // host-cluster knowledge: reachability, facts, preflight, capacity reading, RBAC
  'provisioning', // plan inputs and the tenant control loop
  'services', // domain services: profiles, templates, tenants (placement), audit log
  'bootstrap', // the startup import
  ['router', 'actions'], // the edges: HTTP, and the actions registry for agents
  ['plugin.ts', 'index.ts'], // wiring
];

const pathsOf = layer =>
  (Array.isArray(layer) ? layer : [layer]).map(p => `./src/${p}`);

const zones = LAYERS.flatMap((layer, i) =>
  pathsOf(layer).map(target => ({
    target,
    from: LAYERS.slice(i + 1).flatMap(pathsOf),
    message: `${target} is below these modules and may not import them (layers: plugins/ray-service-backend/.eslintrc.js)`,
  })),
);

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      files: ['**/*.test.ts'],
      rules: {
        // helpers named expect…() assert for the test that calls them
        'jest/expect-expect': ['warn', { assertFunctionNames: ['expect*'] }],
      },
    },
    {
      files: ['src/**/*.ts'],
      excludedFiles: ['**/*.test.ts', '**/__testUtils__/**'],
      // The rules below need imports resolved to files.
      settings: {
        'import/resolver': { node: { extensions: ['.ts', '.js'] } },
        'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
      },
      rules: {
        'import/no-restricted-paths': ['error', { zones, basePath: __dirname }],
        'import/no-cycle': ['error', { ignoreExternal: true }],
      },
    },
  ],
});
