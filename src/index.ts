/**
 * calico-windows-compat: the Calico for Windows requirements as typed data and a pure function.
 *
 * This entry is the core: facts in, report out. It is browser-safe and small (its bundle, dependencies
 * included, stays within 30 KB gzip), so a Backstage frontend can ship it. Presentation lives in
 * `calico-windows-compat/format`, cluster manifests in `calico-windows-compat/manifests`, YAML text in
 * `calico-windows-compat/yaml`, files in `calico-windows-compat/node`, the networking planner
 * (`planNetworking`) in `calico-windows-compat/plan`.
 * @packageDocumentation
 */
export { evaluateCompatibility, selectRelease, parseWaivers, applyWaivers } from './api.js';
export { verdictOf } from './engine/summary.js';
export type { EvaluateOptions } from './engine/evaluate.js';
export { MAX_REPORTED_ISSUES, parseFacts, parseFactsOrThrow, formatPath, type ParseFactsResult } from './model/parse.js';
export { CompatError, formatIssues, type ErrorCode, type InputIssue } from './model/errors.js';
export {
  ClusterFactsSchema,
  CalicoFactsSchema,
  NetworkFactsSchema,
  EksFactsSchema,
  AksFactsSchema,
  IpPoolSchema,
  NodeFactsSchema,
  LinuxNodeFactsSchema,
  WindowsNodeFactsSchema,
  DatastoreSchema,
  EncapsulationSchema,
  RemoteAccessMethodSchema,
  InstallMethodSchema,
  KNOWN_PLATFORMS,
  KNOWN_NETWORKING,
  type InstallMethod,
  type ClusterFacts,
  type CalicoFacts,
  type NetworkFacts,
  type EksFacts,
  type AksFacts,
  type IpPool,
  type NodeFacts,
  type LinuxNodeFacts,
  type WindowsNodeFacts,
  type Datastore,
  type Encapsulation,
  type RemoteAccessMethod,
} from './model/facts.js';
export type {
  FindingWaiver,
  WaiverStatus,
  WaiverResult,
  Report,
  EvaluatedReport,
  FindingFilter,
  Finding,
  FindingStatus,
  Severity,
  Verdict,
  Subject,
  Reference,
  Evidence,
  FactSource,
  Counts,
  ReportProfile,
  ReportTool,
  ReportInput,
} from './model/report.js';
export { REPORT_SCHEMA_VERSION, TOOL } from './model/tool.js';
export { parseWindowsBuild, windowsReleaseForBuild, formatWindowsBuild, type WindowsBuild } from './model/windows.js';
export { parseContainerRuntime, type ContainerRuntime, type ContainerRuntimeName } from './model/runtime.js';
export { parseVersion, compareVersions, inRange, describeVersionRange, type Version } from './model/version.js';
export { WINDOWS_RELEASES, type WindowsReleaseId, type WindowsReleaseInfo } from './model/windows-releases.js';
export {
  PLATFORMS,
  NETWORKING,
  isKnownPlatform,
  isKnownNetworking,
  isCalicoNetworking,
  type KnownPlatform,
  type KnownNetworking,
  type PlatformInfo,
  type NetworkingInfo,
} from './catalog/tables/platforms.js';
export { KUBERNETES_WINDOWS_SUPPORT, kubernetesWindowsSupport, type KubernetesWindowsSupport } from './catalog/tables/kubernetes.js';
export {
  CALICO_3_23,
  DEFAULT_PROFILE,
  type ReleaseProfile,
  type ReleaseCommands,
  type ReleaseDatum,
  type SupportedWindowsBuild,
} from './catalog/default.js';
export { INSTALL_METHODS, type ReleaseData } from './model/release.js';
export { profileLabel, patchRange, INSTALL_METHOD_SUFFIXES, type ReleaseFallback, type SelectedRelease } from './engine/select.js';
export { RULES, getRule } from './catalog/default.js';
export {
  RULE_IDS,
  RELEASE_RULE_IDS,
  SEED_RULE_IDS,
  LATER_RULE_IDS,
  ADVISORY_RULE_IDS,
  isRuleId,
  type RuleId,
  type SeedRuleId,
  type LaterRuleId,
  type AdvisoryRuleId,
} from './catalog/ids.js';
export { poolCommand } from './catalog/conditions.js';
export { waiverMatches, subjectKey, type ParseWaiversResult } from './engine/waivers.js';
export { WaiverSchema, type Waiver } from './model/waiver.js';
export { textFor } from './engine/rule.js';
export type {
  Rule,
  RuleMeta,
  RuleDocs,
  RuleText,
  DocumentedRule,
  ClusterRule,
  NodeRule,
  PoolRule,
  RequirementSection,
  SeedSection,
  RuleContext,
  CheckContext,
  Condition,
  ConditionResult,
  Outcome,
  Applicability,
} from './engine/rule.js';
export type { ClusterFactPath, NodeFactPath, PoolFactPath, RuleFactPath, FactPathsOf, Narrow, Select } from './engine/fact-paths.js';
