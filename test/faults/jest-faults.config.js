// `npm run test:faults`: the fault-injection proof (docs/reliability.md). Its own Kafka and store on free ports
// (started by the test itself, because it restarts them: a shared broker must not be restarted under other runs),
// unless KAFKA_BROKERS / MONGO_URL name existing servers, in which case those faults are skipped.
const { transform, moduleNameMapper } = require('../../jest.shared');
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/faults'],
  testRegex: '\\.faults-spec\\.ts$',
  transform,
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  // the test sets its own bounds (FAULTS_DRAIN_TIMEOUT_S); this only catches a hang outside them
  testTimeout: 30 * 60 * 1000,
  maxWorkers: 1,
};
