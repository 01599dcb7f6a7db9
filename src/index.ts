/**
 * calico-windows-compat: the Calico for Windows requirements as typed data and a pure function.
 *
 * This entry is browser-safe: no Node built-ins, no YAML parser (see `calico-windows-compat/yaml`).
 * @packageDocumentation
 */
export { evaluateCompatibility, verdictOf, type EvaluateOptions } from './evaluate.js';
export { parseFacts, parseFactsOrThrow, formatPath, type ParseFactsResult } from './model/parse.js';
export { CompatError, formatIssues, type ErrorCode, type InputIssue } from './errors.js';
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
export {
  ReportSchema,
  FindingSchema,
  FindingStatusSchema,
  SeveritySchema,
  VerdictSchema,
  SubjectSchema,
  ReferenceSchema,
  EvidenceSchema,
  FactSourceSchema,
  CountsSchema,
  ReportProfileSchema,
  FindingWaiverSchema,
  WaiverStatusSchema,
  WaiverResultSchema,
  type FindingWaiver,
  type WaiverStatus,
  type WaiverResult,
  type Report,
  type Finding,
  type FindingStatus,
  type Severity,
  type Verdict,
  type Subject,
  type Reference,
  type Evidence,
  type FactSource,
  type Counts,
  type ReportProfile,
} from './model/report.js';
export { parseWindowsBuild, windowsReleaseForBuild, formatWindowsBuild, type WindowsBuild } from './model/windows.js';
export { parseContainerRuntime, type ContainerRuntime, type ContainerRuntimeName } from './model/runtime.js';
export { parseVersion, compareVersions, type Version } from './model/version.js';
export { WINDOWS_RELEASES, type WindowsReleaseId, type WindowsReleaseInfo } from './data/windows-builds.js';
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
} from './data/platforms.js';
export { KUBERNETES_WINDOWS_SUPPORT, kubernetesWindowsSupport, type KubernetesWindowsSupport } from './data/kubernetes.js';
export { CALICO_3_23, DEFAULT_PROFILE, type ReleaseProfile, type SupportedWindowsBuild } from './data/releases.js';
export { RULES, getRule } from './rules/index.js';
export {
  factsFromManifests,
  concatManifests,
  type ManifestFacts,
  type ManifestNote,
  type ManifestNoteCode,
  type ManifestOptions,
  type ManifestLocator,
  type ManifestSet,
  type SourceLocation,
} from './adapters/manifests.js';
export { mergeFacts, type MergeNote, type MergeOptions, type MergeResult } from './adapters/merge.js';
export { formatText, describeSubject, type TextFormatOptions } from './formatters/text.js';
export { formatRuleTable } from './formatters/rules.js';
export { formatJson } from './formatters/json.js';
export { formatSarif, type SarifFormatOptions } from './formatters/sarif.js';
export { formatJunit, type JunitFormatOptions } from './formatters/junit.js';
export { formatMarkdown, type MarkdownFormatOptions } from './formatters/markdown.js';
export { formatRuleDoc } from './formatters/rule-doc.js';
export { REPOSITORY_URL, ruleDocsUrl } from './links.js';
export { parseWaivers, applyWaivers, waiverMatches, subjectKey, type ParseWaiversResult } from './waivers.js';
export { WaiverSchema, type Waiver } from './model/waiver.js';
export type {
  Rule,
  RuleMeta,
  ClusterRule,
  NodeRule,
  PoolRule,
  SeedSection,
  RuleContext,
  Outcome,
  Applicability,
  ClusterFactPath,
  NodeFactPath,
  PoolFactPath,
  RuleFactPath,
  FactPathsOf,
  Narrow,
} from './rules/define.js';
