/**
 * Fact paths as types: the dotted paths a rule declares (`calico.strictAffinity`, `node.osBuild`), the
 * facts narrowed to those present, and the facts cut down to those declared — so a rule's `check` can
 * read only what it declared, and the engine knows every fact a rule reads.
 * @module
 */
import type { ClusterFacts, IpPool, WindowsNodeFacts } from '../model/facts.js';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every dotted path into an object type, arrays counted as leaves. */
export type FactPathsOf<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[]
    ? K
    : NonNullable<T[K]> extends object
      ? K | `${K}.${FactPathsOf<NonNullable<T[K]>>}`
      : K;
}[keyof T & string];

type RequirePath<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof T
    ? { [Q in K]-?: RequirePath<NonNullable<T[K]>, Rest> }
    : never
  : P extends keyof T
    ? { [Q in P]-?: NonNullable<T[P]> }
    : never;

/** `T` with the facts at paths `P` known to be present. */
export type Narrow<T, P extends string> = [P] extends [never] ? T : T & UnionToIntersection<RequirePath<T, P>>;

type SelectPath<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends keyof T
    ? { readonly [Q in K]?: SelectPath<NonNullable<T[K]>, Rest> }
    : never
  : P extends keyof T
    ? { readonly [Q in P]?: T[P] }
    : never;

/**
 * `T` cut down to the facts at paths `P`: reading any other fact is a compile error. Combined with
 * {@link Narrow}, a rule's `check` sees exactly the facts it declared, the required ones as present.
 */
export type Select<T, P extends string> = [P] extends [never] ? { readonly [K in never]: never } : UnionToIntersection<SelectPath<T, P>>;

/** A path to a cluster fact: `networking`, `calico.ipPools`, `eks.instanceRole.canGetNamespaces`. */
export type ClusterFactPath = FactPathsOf<ClusterFacts>;
/** A path to a fact of the Windows node a node rule is looking at: `node.osBuild`. */
export type NodeFactPath = `node.${Exclude<keyof WindowsNodeFacts, 'os' | 'name'>}`;
/** A path to a fact of the IP pool a pool rule is looking at: `pool.encapsulation`. */
export type PoolFactPath = `pool.${keyof IpPool}`;
/** Any fact path a rule can declare. */
export type RuleFactPath = ClusterFactPath | NodeFactPath | PoolFactPath;

/** The part of paths `P` under `Prefix.`: `osBuild` for `node.osBuild`. */
export type StripPrefix<P extends string, Prefix extends string> = P extends `${Prefix}.${infer Rest}` ? Rest : never;
/** The cluster paths among `P`. */
export type ClusterPart<P extends string> = Exclude<P, `node.${string}` | `pool.${string}`>;

/** Reads the value at a dotted path; undefined when any step is absent. */
export function readPath(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Whether a rule path names a fact of the node or pool being looked at (`node.…`, `pool.…`). */
export function isItemPath(path: string): boolean {
  return path.startsWith('node.') || path.startsWith('pool.');
}
