// Unit tests: pure code, specs next to the code, no servers.
const { transform, moduleNameMapper } = require('./jest.shared');
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/ops', '<rootDir>/bench'],
  testRegex: '\\.spec\\.ts$',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
};
