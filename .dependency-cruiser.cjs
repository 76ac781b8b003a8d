// Layering rules, checked by `npm run lint:deps` (depcruise apps libs --config .dependency-cruiser.cjs).
// The pure core (contracts, formats, enrich, ninjs, pipeline) holds the knowledge and runs without any server; the
// adapters (messaging, storage, platform, infra, apps) wire it to Kafka, MongoDB and HTTP. See docs/architecture.md.

const PURE = '^libs/(contracts|formats|enrich|ninjs|pipeline|sources)/';
const ADAPTER_LIBS = '^libs/(messaging|storage|platform|infra|polling)/';
/** Frameworks and drivers the pure core must never see (not even their types). */
const FRAMEWORKS =
  '(^|/)node_modules/(@nestjs/[^/]+|kafkajs|mongoose|mongodb|bson|express|@types/express|prom-client|reflect-metadata|rxjs)/';
const TESTS = '\\.(e2e-)?spec\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pure-core-no-frameworks',
      severity: 'error',
      comment:
        'contracts, formats, enrich, ninjs and pipeline are pure TypeScript: no NestJS, Kafka, MongoDB or HTTP ' +
        'framework. Put the adapter in libs/messaging, libs/storage, libs/platform or an app.',
      from: { path: PURE },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'pure-core-no-adapters',
      severity: 'error',
      comment: 'The pure core must not depend on the adapter libraries or on any app; the dependency points inwards.',
      from: { path: PURE },
      to: { path: [ADAPTER_LIBS, '^apps/'] },
    },
    {
      name: 'contracts-is-a-leaf',
      severity: 'error',
      comment: 'libs/contracts (topic names, header names, error codes) depends on no other Wiredesk code.',
      from: { path: '^libs/contracts/' },
      to: { path: '^(libs|apps)/', pathNot: '^libs/contracts/' },
    },
    {
      name: 'only-pipeline-composes-the-core',
      severity: 'error',
      comment:
        'formats, enrich and ninjs stay independent of each other and of pipeline; libs/pipeline is where they ' +
        'are put together (bytes -> WireItem[] -> ninjs -> enriched).',
      from: { path: '^libs/(formats|enrich|ninjs)/' },
      to: { path: '^libs/(formats|enrich|ninjs|pipeline)/', pathNot: '^libs/$1/' },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'Libraries never import an app; move the shared code into a lib.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-not-to-other-apps',
      severity: 'error',
      comment: 'Each app is deployed on its own; code two apps share belongs in a lib.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make start-up order and testing fragile.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (typo, missing package, missing tsconfig path).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'production-code-not-to-dev-deps',
      severity: 'error',
      comment:
        'The Docker image installs production dependencies only (npm ci --omit=dev): code that runs in a ' +
        'service must not need a devDependency. Move the package to dependencies, or keep the import in tests.',
      // register-ts.js lets worker threads load TypeScript sources under jest; compiled services never load it
      from: {
        path: '^(apps|libs)/',
        pathNot: [TESTS, '^libs/infra/', '^apps/cli/', '^libs/platform/src/workers/register-ts\\.js$'],
      },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-examples',
      severity: 'error',
      comment:
        'examples/ shows downstream teams how to consume Wiredesk; it is run by the tests, never part of a service.',
      from: { path: '^(apps|libs)/' },
      to: { path: '^examples/' },
    },
    {
      name: 'not-to-spec',
      severity: 'error',
      comment: 'Production code never imports a test file.',
      from: { pathNot: TESTS },
      to: { path: TESTS },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    // count `import type` too: a pure lib must not even see a framework's types
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json', '.d.ts'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
