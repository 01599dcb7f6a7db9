/**
 * The package's version, replaced at build time by the bundler (`scripts/build-constants.mjs`): the
 * version a report names as its tool's, known without reading package.json at run time.
 */
declare const __CALICO_WINDOWS_COMPAT_VERSION__: string;

/**
 * Whether this build carries the fast paths for large inputs (facts accepted by hand, node rules decided
 * once per distinct value, findings built when read): every build but the browser one, whose bundle
 * budget has no room for them. Both give the same reports.
 */
declare const __FAST_PATHS__: boolean;
