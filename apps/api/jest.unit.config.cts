// The API's unit tier: *.spec.ts only, no database, no PGlite set-up (seconds). `nx run api:test-unit`.
const base = require('./jest.config.cts');
module.exports = {
  ...base,
  globalSetup: undefined,
  displayName: 'api-unit',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
