/**
 * The package's version, replaced at build time by the bundler (`scripts/build-constants.mjs`): the
 * version a report names as its tool's, known without reading package.json at run time.
 */
declare const __CALICO_WINDOWS_COMPAT_VERSION__: string;
