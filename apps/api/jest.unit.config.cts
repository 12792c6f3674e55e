// The API's unit tier: *.spec.ts only, no database, no PGlite set-up (seconds). `nx run api:test-unit`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { globalSetup: _databaseSetup, ...base } = require('./jest.config.cts');
module.exports = { ...base, displayName: 'api-unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] };
