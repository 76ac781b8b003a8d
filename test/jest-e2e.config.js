// End-to-end tests: the real Kafka and MongoDB-compatible store, provisioned by the global setup
// unless KAFKA_BROKERS / MONGO_URL point at existing servers.
const { transform, moduleNameMapper } = require('../jest.shared');
module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e-spec\\.ts$',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 1,
};
