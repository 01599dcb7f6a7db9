// Types shared by the stages of factsFromManifests, and the context that gathers what objects state.
import type { FactSource } from '../../model/report.js';
import type { IpPool } from '../../model/facts.js';
import { formatPath } from '../../model/parse.js';
import type { ManifestLocator, SourceLocation } from '../../model/location.js';
import type { ManifestNote, ManifestNoteCode, Obj, Segment } from './types.js';
import { deepEqual } from './values.js';

export type { Obj, Segment } from './types.js';

/** One Kubernetes object of the input, with its place. */
export interface Ref {
  readonly object: Obj;
  /** Its path from the root given to factsFromManifests. */
  readonly path: readonly Segment[];
  /** `Node/win-1`, `ConfigMap/kube-system/calico-config`, `Node.projectcalico.org/rr-1`. */
  readonly label: string;
  readonly group: string;
  readonly kind: string;
  readonly name: string | undefined;
  /**
   * Where an Installation's spec is when an object carries one as Helm values (RKE2's HelmChartConfig
   * `rke2-calico`: `spec.valuesContent.installation`, once read). Absent: `spec`, or `status.computed`.
   */
  readonly base?: readonly Segment[];
}

export interface Claim {
  readonly value: unknown;
  readonly source: FactSource;
  /** Which claim is cited when claims agree: the lowest rank. */
  readonly rank: number;
  readonly ref: Ref;
}

export interface KubeletVersion {
  readonly node: string;
  readonly version: string;
  readonly controlPlane: boolean;
  readonly source: FactSource;
}

export interface PoolDraft {
  readonly name: string | undefined;
  readonly pool: IpPool | undefined;
  /** Why the pool's encapsulation cannot be told, or (`identity`) why its name or CIDR cannot be a fact. */
  readonly problem?: string | undefined;
  /** The problem is the pool's name or CIDR, not its encapsulation. */
  readonly identity?: boolean;
  readonly sources: Record<string, FactSource>;
  readonly ref: Ref;
}

/** What Calico's own Windows installer would pick as its backend, from one object. */
export interface BackendClaim {
  /** A networking value, or `policy-only` (calico_backend: none: Calico does no networking). */
  readonly value: string;
  readonly source: FactSource;
  /** How, for the note. */
  readonly how: string;
}

export class Context {
  readonly claims = new Map<string, Claim[]>();
  readonly notes: ManifestNote[] = [];
  readonly nodeOrder: string[] = [];
  readonly nodeObjects = new Map<string, Ref[]>();
  readonly kubelets: KubeletVersion[] = [];
  readonly installations: Ref[] = [];
  readonly poolObjects: PoolDraft[] = [];
  readonly installationPools: PoolDraft[] = [];
  readonly backends: BackendClaim[] = [];
  /** Pool-derived backend (the installer's fallback when FelixConfiguration leaves vxlanEnabled unset). */
  readonly felixVxlan: BackendClaim[] = [];
  // Stryker disable next-line ArrayDeclaration: resolveNodes passes over an entry without a name, as a stray string is
  readonly calicoNodes: Ref[] = [];
  readonly skipped = new Map<string, Ref[]>();

  constructor(
    readonly root: object | undefined,
    private readonly locator: ManifestLocator | undefined,
    /** Reads Helm values text (a HelmChartConfig's `spec.valuesContent`), when the caller gives a parser. */
    readonly parseValues?: (text: string) => unknown,
  ) {}

  locate(path: readonly Segment[]): SourceLocation | undefined {
    if (!this.root || !this.locator) return undefined;
    try {
      return this.locator(this.root, path);
    } catch {
      // A locator that throws locates nothing.
    }
    return undefined;
  }

  source(ref: Ref, fields: ReadonlyArray<readonly Segment[]>): FactSource {
    const field = fields.map((f) => formatPath(f)).join(' + ');
    const first = fields[0];
    const location = this.locate(first ? [...ref.path, ...first] : ref.path) ?? this.locate(ref.path);
    return {
      object: ref.label,
      ...(fields.length > 0 ? { field } : {}),
      ...(location?.file === undefined ? {} : { file: location.file }),
      ...(location === undefined ? {} : { line: location.line, column: location.column }),
    };
  }

  claim(fact: string, value: unknown, ref: Ref, fields: ReadonlyArray<readonly Segment[]>, rank = 0): void {
    const list = this.claims.get(fact);
    const claim = { value, source: this.source(ref, fields), rank, ref };
    if (list) list.push(claim);
    else this.claims.set(fact, [claim]);
  }

  note(code: ManifestNoteCode, level: ManifestNote['level'], message: string, extra: { ref?: Ref; fact?: string } = {}): void {
    const location = extra.ref ? this.locate(extra.ref.path) : undefined;
    this.notes.push({
      code,
      level,
      message,
      ...(extra.ref ? { object: extra.ref.label } : {}),
      ...(extra.fact === undefined ? {} : { fact: extra.fact }),
      ...(location ? { location } : {}),
    });
  }
}

export function listSource(ctx: Context, refs: readonly Ref[]): FactSource {
  const shown = refs.slice(0, 5).map((r) => r.label);
  const object = `${shown.join(', ')}${refs.length > shown.length ? `, … (${refs.length} objects)` : ''}`;
  const first = refs[0];
  const location = first ? ctx.locate(first.path) : undefined;
  return {
    object,
    ...(location?.file === undefined ? {} : { file: location.file }),
    ...(location === undefined ? {} : { line: location.line, column: location.column }),
  };
}

export function distinctValues(claims: readonly Claim[]): Claim[] {
  const out: Claim[] = [];
  for (const claim of [...claims].sort((a, b) => a.rank - b.rank)) if (!out.some((c) => deepEqual(c.value, claim.value))) out.push(claim);
  return out;
}

export function skip(ref: Ref, ctx: Context, reason?: string): void {
  const key = reason ?? `${ref.group === '' ? '' : `${ref.group}/`}${ref.kind}`;
  const list = ctx.skipped.get(key);
  if (list) list.push(ref);
  else ctx.skipped.set(key, [ref]);
}
