// Both tiers of the API's tests (editors, `npx jest -c apps/api/jest.config.cts`). Nx runs them apart:
// `nx run api:test-unit` (jest.unit.config.cts) and `nx run api:test-integration` (jest.integration.config.cts).
module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Unit specs (*.spec.ts) and integration specs (*.integration-spec.ts, real PostgreSQL).
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  testTimeout: 60000,
  coverageDirectory: '../../coverage/apps/api',
};
