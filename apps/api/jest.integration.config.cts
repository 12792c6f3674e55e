// The API's integration tier: *.integration-spec.ts on a real PostgreSQL, PGlite unless TEST_DATABASE_URL
// is set (global-setup.ts). `nx run api:test-integration`.
const base = require('./jest.config.cts');
module.exports = { ...base, displayName: 'api-integration', testMatch: ['<rootDir>/src/**/*.integration-spec.ts'] };
