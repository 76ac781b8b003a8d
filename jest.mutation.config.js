// The unit specs of the code `npm run test:mutation` mutates (stryker.config.json): the whole unit suite would make
// every mutant's run, and Stryker's first full run, many times longer for no extra kills.
const base = require('./jest.config');
module.exports = {
  ...base,
  roots: ['<rootDir>/libs/messaging', '<rootDir>/libs/storage/src', '<rootDir>/libs/formats/src/xml'],
};
