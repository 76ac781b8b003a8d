// Development and test only: lets a worker thread require TypeScript sources, where jest's transform does not reach.
// Compiles each .ts file with @swc/core (a devDependency; production runs the compiled dist/*.js worker and never
// loads this file) and maps the @wiredesk/* aliases to libs/*/src like jest.shared.js.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const swc = require('@swc/core');

const ROOT = join(__dirname, '..', '..', '..', '..');
const ALIAS = /^@wiredesk\/(contracts|formats|enrich|ninjs|pipeline|messaging|storage|infra|platform)$/;

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = ALIAS.exec(request);
  return resolve.call(this, alias ? join(ROOT, 'libs', alias[1], 'src') : request, ...rest);
};
Module._extensions['.ts'] = function (module, filename) {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  });
  module._compile(code, filename);
};
