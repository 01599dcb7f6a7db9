/**
 * The report model: what {@link evaluateCompatibility} returns. Field names are public API.
 * @module
 */
import * as z from 'zod/mini';
import { WaiverSchema } from './waiver.js';
import { REPORT_SCHEMA_VERSION } from './tool.js';

export { REPORT_SCHEMA_VERSION } from './tool.js';

/** What a finding says about its rule and subject. */
export const FindingStatusSchema = z.enum(['pass', 'fail', 'unknown', 'not-applicable']);
/** A finding's status. */
export type FindingStatus = z.infer<typeof FindingStatusSchema>;

/** What a `fail` of a rule means: `error` breaks compatibility, `warning` is untested or advisory. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
/** A rule's severity. */
export type Severity = z.infer<typeof SeveritySchema>;

/** The overall answer. */
export const VerdictSchema = z.enum(['compatible', 'incompatible', 'indeterminate']);
/** The overall answer. */
export type Verdict = z.infer<typeof VerdictSchema>;

/** What a finding is about: the cluster, one Windows node, or one IP pool. */
export const SubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cluster') }),
  z.object({ kind: z.literal('node'), name: z.string() }),
  z.object({ kind: z.literal('ip-pool'), name: z.string() }),
]);
/** A finding's subject. */
export type Subject = z.infer<typeof SubjectSchema>;

/** Where a requirement comes from. */
export const ReferenceSchema = z.object({
  title: z.string(),
  url: z.optional(z.string()),
  section: z.optional(z.string()),
});
/** A reference. */
export type Reference = z.infer<typeof ReferenceSchema>;

/** Where a fact came from, when an adapter derived it (`Node/win-1 status.nodeInfo.kernelVersion`). */
export const FactSourceSchema = z.object({
  /** The object: `Node/win-1`, `Installation/default`. */
  object: z.string(),
  /** The field: `status.nodeInfo.kernelVersion`. */
  field: z.optional(z.string()),
  /** The file and position, when known. */
  file: z.optional(z.string()),
  line: z.optional(z.number()),
  column: z.optional(z.number()),
});
/** Where a fact came from. */
export type FactSource = z.infer<typeof FactSourceSchema>;

/** A fact a finding was decided from: its path, its value, and where it came from when known. */
export const EvidenceSchema = z.object({
  fact: z.string(),
  value: z.unknown(),
  source: z.optional(FactSourceSchema),
});
/** A fact a finding was decided from. */
export type Evidence = z.infer<typeof EvidenceSchema>;

/** The waiver a finding is waived by: it keeps its status but no longer counts against the verdict. */
export const FindingWaiverSchema = z.object({
  reason: z.string(),
  owner: z.optional(z.string()),
  /** The last day the waiver applies, `YYYY-MM-DD`. */
  expires: z.optional(z.string()),
});
/** The waiver a finding is waived by. */
export type FindingWaiver = z.infer<typeof FindingWaiverSchema>;

/** One rule's outcome for one subject. */
export const FindingSchema = z.object({
  ruleId: z.string(),
  status: FindingStatusSchema,
  severity: SeveritySchema,
  subject: SubjectSchema,
  title: z.string(),
  message: z.string(),
  evidence: z.array(EvidenceSchema),
  references: z.array(ReferenceSchema),
  missingFacts: z.optional(z.array(z.string())),
  remediation: z.optional(z.string()),
  /** Present when a waiver applies: the finding keeps its status and no longer affects the verdict. */
  waived: z.optional(FindingWaiverSchema),
});
/** One rule's outcome for one subject. */
export type Finding = z.infer<typeof FindingSchema>;

/** Counts of findings by status. */
export const CountsSchema = z.object({
  total: z.number(),
  pass: z.number(),
  fail: z.number(),
  unknown: z.number(),
  notApplicable: z.number(),
  /** Failing findings of severity `error`, not waived: each one makes the cluster incompatible. */
  errors: z.number(),
  /** Failing findings of severity `warning`, not waived. */
  warnings: z.number(),
  /** Waived findings (counted under their status too); present when waivers were given. */
  waived: z.optional(z.number()),
});
/** Counts of findings. */
export type Counts = z.infer<typeof CountsSchema>;

/** The release profile a report was evaluated against. */
export const ReportProfileSchema = z.object({
  /** The Calico release line: `3.23`. */
  release: z.string(),
  /** The install method the profile describes: `manifest` (the .zip install). */
  installMethod: z.string(),
  /** The requirements page the profile encodes. */
  source: z.string(),
  /** The patch releases the profile covers when not the whole line, as a semver range: `>=3.19.0 <=3.19.1`, `>=3.22.1`. */
  patches: z.optional(z.string()),
  /** The `release` option as given: `auto`, `3.27`, `v3.27.2`. */
  requested: z.optional(z.string()),
  /** Why this profile, when it was a fallback or a default (release `auto` without `calico.version`, …). */
  note: z.optional(z.string()),
  /**
   * Set when release `auto` could not use the cluster's own release: `oldest` / `newest` (its
   * `calico.version` is older / newer than every profile), `previous` (no profile covers it; the closest
   * older one was used), `default` (`calico.version` is not known). `note` says which and why.
   */
  fallback: z.optional(z.enum(['oldest', 'newest', 'previous', 'default'])),
});
/** The release profile a report was evaluated against. */
export type ReportProfile = z.infer<typeof ReportProfileSchema>;

/** What became of a waiver: it waived findings, it has expired, or it matched nothing (stale). */
export const WaiverStatusSchema = z.enum(['applied', 'expired', 'stale']);
/** What became of a waiver. */
export type WaiverStatus = z.infer<typeof WaiverStatusSchema>;

/** One waiver given to the evaluation, and what became of it. */
export const WaiverResultSchema = z.object({
  waiver: WaiverSchema,
  /** Its position in the list given (0-based). */
  index: z.number(),
  status: WaiverStatusSchema,
  /** Findings it waives (`applied`), or would waive had it not expired (`expired`). */
  findings: z.number(),
  /** What happened, in words. */
  message: z.string(),
});
/** One waiver and what became of it. */
export type WaiverResult = z.infer<typeof WaiverResultSchema>;

/** The major of {@link REPORT_SCHEMA_VERSION}: the versions this library writes and reads as they are. */
const MAJOR = REPORT_SCHEMA_VERSION.split('.')[0] ?? '';

/** The schema versions {@link ReportSchema} describes: `1.x.y`. */
export const SCHEMA_VERSION = new RegExp(`^${MAJOR}\\.\\d+\\.\\d+$`);

/** The tool that wrote a report. */
export const ReportToolSchema = z.object({
  /** `calico-windows-compat`. */
  name: z.string(),
  /** The package's version: `0.1.0`. */
  version: z.string(),
});
/** The tool that wrote a report. */
export type ReportTool = z.infer<typeof ReportToolSchema>;

/**
 * One input the facts (or the run's settings) came from: a facts file, a manifests file or standard input,
 * a live cluster, a waivers file, a config file. Kinds the CLI writes: `facts`, `manifests`, `cluster`,
 * `waivers`, `config`; readers should accept others, later versions may add kinds.
 */
export const ReportInputSchema = z.object({
  /** What the input is: `facts`, `manifests`, `cluster`, `waivers`, `config`. */
  kind: z.string(),
  /** The input as given: a path (`clusters/prod.yaml`), `(stdin)`, a kubeconfig context or `(current context)`. */
  name: z.string(),
});
/** One input of a report. */
export type ReportInput = z.infer<typeof ReportInputSchema>;

/** The answer for a cluster: a verdict, and one finding per rule and subject. */
export const ReportSchema = z.object({
  /** The version of the report's shape ({@link REPORT_SCHEMA_VERSION}): `1.0.0`. */
  schemaVersion: z.string().check(z.refine((v) => SCHEMA_VERSION.test(v), { message: `is not a ${MAJOR}.x schema version` })),
  /** The tool that wrote the report, and its version. */
  tool: ReportToolSchema,
  /** What the facts came from, as the caller named it (`evaluateCompatibility`'s `inputs` option); empty when not given. */
  inputs: z.array(ReportInputSchema),
  verdict: VerdictSchema,
  profile: ReportProfileSchema,
  counts: CountsSchema,
  /** Facts whose absence keeps the verdict open: the `missingFacts` of every unknown `error` finding. */
  missingFacts: z.array(z.string()),
  /** Deterministic order: catalog order, then subject. */
  findings: z.array(FindingSchema),
  /** Every waiver given, in the order given, and what became of it; present when waivers were given. */
  waivers: z.optional(z.array(WaiverResultSchema)),
});
/** The answer for a cluster. */
export type Report = z.infer<typeof ReportSchema>;

/** Which findings {@link EvaluatedReport.select} returns: each field given narrows; a list allows any of its values. */
export interface FindingFilter {
  /** The findings of this status, or of any of these: `'fail'`, `['fail', 'unknown']`. */
  readonly status?: FindingStatus | readonly FindingStatus[];
  /** The findings of rules of this severity, or of any of these. */
  readonly severity?: Severity | readonly Severity[];
  /** The findings of this rule, or of any of these. */
  readonly ruleId?: string | readonly string[];
}

/**
 * A report as `evaluateCompatibility` returns it: the {@link Report}, and `select`, which reads some
 * findings only.
 *
 * On a large report (thousands of findings) `findings` is built on first read: the verdict, counts and
 * missing facts are known without it, and `select` builds only the findings it returns. Either way the
 * report holds the same data: `JSON.stringify`, spreading, `structuredClone` and `toEqual` see plain
 * findings. `select` is not enumerable: it is not part of the report's data.
 */
export interface EvaluatedReport extends Report {
  /**
   * The findings that match `filter`, in report order: equal to `report.findings.filter(...)`, without
   * building the others.
   *
   * @example
   * const failures = report.select({ status: 'fail', severity: 'error' });
   */
  select(filter?: FindingFilter): Finding[];
}
