/**
 * The report model: what {@link evaluateCompatibility} returns. Field names are public API.
 * @module
 */
import * as z from 'zod/mini';

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

/** One rule's outcome for one subject. */
export const FindingSchema = z.object({
  ruleId: z.string(),
  status: FindingStatusSchema,
  severity: SeveritySchema,
  subject: SubjectSchema,
  title: z.string(),
  message: z.string(),
  missingFacts: z.optional(z.array(z.string())),
  remediation: z.optional(z.string()),
  evidence: z.array(EvidenceSchema),
  references: z.array(ReferenceSchema),
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
  /** Failing findings of severity `error`: each one makes the cluster incompatible. */
  errors: z.number(),
  /** Failing findings of severity `warning`. */
  warnings: z.number(),
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
});
/** The release profile a report was evaluated against. */
export type ReportProfile = z.infer<typeof ReportProfileSchema>;

/** The answer for a cluster: a verdict, and one finding per rule and subject. */
export const ReportSchema = z.object({
  verdict: VerdictSchema,
  profile: ReportProfileSchema,
  counts: CountsSchema,
  /** Facts whose absence keeps the verdict open: the `missingFacts` of every unknown `error` finding. */
  missingFacts: z.array(z.string()),
  /** Deterministic order: catalog order, then subject. */
  findings: z.array(FindingSchema),
});
/** The answer for a cluster. */
export type Report = z.infer<typeof ReportSchema>;
