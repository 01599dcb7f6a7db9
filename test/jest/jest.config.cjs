// Jest over the BUILT package (dist/*.cjs), as a CommonJS Jest project consumes it: the matchers are
// registered by the setup module users name in setupFilesAfterEnv. Run: npm run test:jest (after a build).
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  testMatch: ['<rootDir>/test/jest/**/*.jest.ts'],
  testEnvironment: 'node',
  setupFilesAfterEnv: ['<rootDir>/dist/testing/jest.cjs'],
  moduleNameMapper: {
    '^calico-windows-compat$': '<rootDir>/dist/index.cjs',
    '^calico-windows-compat/(format|manifests|yaml|node|testing)$': '<rootDir>/dist/$1.cjs',
  },
  transform: {
    '\\.ts$': ['babel-jest', { presets: ['@babel/preset-typescript'], plugins: ['@babel/plugin-transform-modules-commonjs'], babelrc: false, configFile: false }],
  },
  // The package's own tests are Vitest's; Jest sees only its own directory.
  roots: ['<rootDir>/test/jest'],
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};
