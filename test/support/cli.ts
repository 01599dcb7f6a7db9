/** The CLI the tests run: the one test/setup/build.ts bundled for this run. */
export const CLI: string = process.env['CWC_TEST_CLI'] ?? 'dist/cli.js';
