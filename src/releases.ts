/**
 * calico-windows-compat/releases: every documented Calico release, v3.16 to v3.32, as a requirement
 * profile, with the rules later releases add, the known issues (advisories), `compareReleases` and the
 * support matrix. Browser-safe. Kept out of the main entry so that its bundle stays small: pass a
 * profile from here to `evaluateCompatibility`, or resolve release strings against all of them.
 *
 * @example
 * import { evaluateCompatibility } from 'calico-windows-compat';
 * import { CALICO_RELEASES, compareReleases } from 'calico-windows-compat/releases';
 *
 * evaluateCompatibility(facts, { release: 'auto', profiles: CALICO_RELEASES });
 * compareReleases('3.23', '3.30').changes.map((c) => c.message);
 * @packageDocumentation
 */
export {
  CALICO_RELEASES,
  RELEASE_LINES,
  CALICO_3_16,
  CALICO_3_17,
  CALICO_3_18,
  CALICO_3_19_0,
  CALICO_3_19,
  CALICO_3_20,
  CALICO_3_21,
  CALICO_3_22_0,
  CALICO_3_22,
  CALICO_3_24,
  CALICO_3_25,
  CALICO_3_26,
  CALICO_3_27,
  CALICO_3_27_MANIFEST,
  CALICO_3_28,
  CALICO_3_28_MANIFEST,
  CALICO_3_29,
  CALICO_3_29_MANIFEST,
  CALICO_3_30,
  CALICO_3_30_MANIFEST,
  CALICO_3_31,
  CALICO_3_32,
  findRelease,
} from './catalog/releases.js';
export {
  compareReleases,
  formatReleaseComparison,
  describeBuild,
  topicName,
  type ReleaseChange,
  type ReleaseComparison,
  type ReleaseTopic,
} from './catalog/compare.js';
export { formatSupportMatrix } from './formatters/support-matrix.js';
export { CATALOG, RELEASE_RULES, ADVISORY_RULES, ADVISORIES, getCatalogRule } from './catalog/later-rules.js';
export { affectedRange, describeAffected, describeRange, type Advisory } from './catalog/advisory.js';
