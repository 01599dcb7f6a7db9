// Walking the input: every Kubernetes object of it, with its place and label, or an error listing what is not one.
import { CompatError, IssueList, type InputIssue } from '../../model/errors.js';
import { KUBERNETES_NAME } from '../../model/names.js';
import { formatPath } from '../../model/parse.js';
import type { Context, Obj, Ref, Segment } from './context.js';
import { describe, isObj, nonEmptyString, own, show } from './values.js';

export const MAX_LIST_DEPTH = 4;
export const CALICO_GROUPS = new Set(['projectcalico.org', 'crd.projectcalico.org']);

// Objects whose names become subjects and go into commands (`kubectl get node <name>`): a name no
// Kubernetes object can have is refused, not carried into them.
const NAMED_KINDS = new Set(['Node', 'IPPool']);

export function collect(input: unknown, ctx: Context): Ref[] {
  const refs: Ref[] = [];
  const issues = new IssueList();
  const badNames = new IssueList();
  const visit = (value: unknown, path: Segment[], depth: number, inherited?: { apiVersion: string; kind: string }): void => {
    if (Array.isArray(value)) {
      if (depth >= MAX_LIST_DEPTH) return void issues.add(issue(ctx, path, 'nested-too-deep', 'lists nested too deeply'));
      value.forEach((item, index) => visit(item, [...path, index], depth + 1));
      return;
    }
    if (!isObj(value)) {
      // Stryker disable next-line ConditionalExpression: add() counts a problem past the cap too; this only skips describing it
      if (issues.full) return issues.count();
      issues.add(issue(ctx, path, 'not-an-object', `expected a Kubernetes object (with apiVersion and kind), got ${describe(value)}`));
      return;
    }
    let apiVersion = own(value, 'apiVersion');
    let kind = own(value, 'kind');
    if (apiVersion === undefined && kind === undefined && inherited) ({ apiVersion, kind } = inherited);
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '') {
      if (isKubectlVersion(value)) {
        refs.push({
          object: value,
          path,
          label: 'kubectl version',
          // Stryker disable next-line StringLiteral: read() dispatches on kind 'KubectlVersion' before it looks at the group
          group: '',
          kind: 'KubectlVersion',
          name: undefined,
        });
        return;
      }
      // Stryker disable next-line ConditionalExpression: add() counts a problem past the cap too; this only skips describing it
      if (issues.full) return issues.count();
      issues.add(
        issue(
          ctx,
          path,
          'not-a-kubernetes-object',
          `not a Kubernetes object: ${typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion' : 'kind'} is missing`,
        ),
      );
      return;
    }
    const items = own(value, 'items');
    if (kind.endsWith('List') && Array.isArray(items)) {
      if (depth >= MAX_LIST_DEPTH) return void issues.add(issue(ctx, path, 'nested-too-deep', 'lists nested too deeply'));
      // A typed list from the API (NodeList) may omit apiVersion and kind on its items.
      const itemKind = kind === 'List' ? undefined : { apiVersion, kind: kind.slice(0, -'List'.length) };
      items.forEach((item, index) => visit(item, [...path, 'items', index], depth + 1, itemKind));
      return;
    }
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    const metadata = own(value, 'metadata');
    const name = nonEmptyString(isObj(metadata) ? own(metadata, 'name') : undefined);
    const namespace = nonEmptyString(isObj(metadata) ? own(metadata, 'namespace') : undefined);
    // Calico's Node shares its kind with Kubernetes' Node: name its group.
    const kindLabel = kind === 'Node' && CALICO_GROUPS.has(group) ? `Node.${group}` : kind;
    if (name !== undefined && NAMED_KINDS.has(kind) && (name.length > 253 || !KUBERNETES_NAME.test(name))) {
      // Stryker disable next-line ConditionalExpression: add() counts a problem past the cap too; this only skips describing it
      if (badNames.full) return badNames.count();
      badNames.add(
        issue(ctx, [...path, 'metadata', 'name'], 'invalid-name', `${show(name)} is not a Kubernetes object name: a ${kindLabel} cannot be named so`),
      );
      return;
    }
    const label = `${kindLabel}/${namespace === undefined ? '' : `${namespace}/`}${name ?? '(unnamed)'}`;
    refs.push({ object: value, path, label, group, kind, name });
  };
  visit(input, [], 0);
  if (issues.size > 0)
    throw new CompatError(
      'invalid-input',
      `Not Kubernetes objects: ${issues.size === 1 ? 'a document is' : `${issues.size} documents are`} neither an object with apiVersion and kind, nor a List, nor kubectl version output:`,
      issues.issues(),
    );
  if (badNames.size > 0)
    throw new CompatError(
      'invalid-input',
      "Invalid object names: Kubernetes names are lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters:",
      badNames.issues(),
    );
  return refs;
}

export function issue(ctx: Context, path: readonly Segment[], code: string, message: string): InputIssue {
  const location = ctx.locate(path);
  const base = { path: formatPath(path), code, message };
  return location ? { ...base, location } : base;
}

export function isKubectlVersion(value: Obj): boolean {
  return isObj(own(value, 'serverVersion')) || isObj(own(value, 'clientVersion'));
}
