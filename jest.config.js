// One jest run, four tiers. Every tier runs its files in parallel; integration and e2e files each get their own
// database cloned from a migrated template (test/support/database.ts), so no file depends on another's data.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  // file-type's exports name no `require` condition: point jest at its Node entry (transformed below).
  moduleNameMapper: { '^@halaqa/(migrations|certificates|courses)$': '<rootDir>/$1/src', '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
  rootDir: __dirname,
  // ESM-only packages we import from TypeScript get transformed too.
  transformIgnorePatterns: ['/node_modules/(?!(?:.*/node_modules/)?(?:content-disposition|marked|is-ip|ip-regex|super-regex|function-timeout|time-span|convert-hrtime|clone-regexp|is-regexp|file-type|strtok3|token-types|uint8array-extras|@tokenizer/inflate|@borewit/text-codec)/)'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{api,web,courses,certificates,migrations}/**/*.spec.{ts,tsx}'], testPathIgnorePatterns: ['/node_modules/', '/dist/', '/build/'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{api,courses,certificates,migrations}/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'], globalSetup: '<rootDir>/test/support/global-setup.ts' },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/browser-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/browser-global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/browser-retry.ts'],
    },
  ],
  testTimeout: 60_000,
};
