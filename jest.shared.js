// What the unit and end-to-end jest configs share: SWC with decorator metadata (NestJS DI) and the lib path aliases.
exports.transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
    },
  ],
};
exports.moduleNameMapper = {
  '^@wiredesk/(contracts|formats|enrich|ninjs|pipeline|sources|messaging|storage|polling|infra|platform)$':
    '<rootDir>/libs/$1/src',
};
