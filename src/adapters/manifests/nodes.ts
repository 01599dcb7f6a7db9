// Kubernetes Node objects and kubectl version output.
import { CONTROL_PLANE_ROLES } from '../../model/names.js';
import { parseWindowsBuild, windowsRelease } from '../../model/windows.js';
import { parseContainerRuntime } from '../../model/runtime.js';
import { parseVersion } from '../../model/version.js';
import { skip, type Context, type Ref, type Segment } from './context.js';
import { get, lookup, nonEmptyString, stringMap, truncate } from './values.js';

export const LABELS: Segment[] = ['metadata', 'labels'];
export const ANNOTATIONS: Segment[] = ['metadata', 'annotations'];
export const NODE_INFO: Segment[] = ['status', 'nodeInfo'];

// Labels managed clusters put on their nodes. `kubernetes.azure.com/cluster` and `/role` alone are not
// AKS: aks-engine (self-managed on Azure) sets them too; AKS node resource groups are named `MC_…`.
export const PLATFORM_HINTS: ReadonlyArray<{ platform: string; test: (key: string, value: string) => boolean }> = [
  { platform: 'eks', test: (key) => key.startsWith('eks.amazonaws.com/') || key.startsWith('alpha.eksctl.io/') },
  {
    platform: 'aks',
    test: (key, value) =>
      key === 'kubernetes.azure.com/node-image-version' ||
      key === 'kubernetes.azure.com/mode' ||
      (key === 'kubernetes.azure.com/cluster' && value.startsWith('MC_')),
  },
  { platform: 'openshift', test: (key) => key === 'node.openshift.io/os_id' },
];


export const PROVIDER_ID_SCHEMES: Readonly<Record<string, string>> = { aws: 'aws', azure: 'azure', gce: 'gcp', vsphere: 'vsphere' };

// Release names in osImage (the registry's ProductName). Semi-annual releases print no year
// ("Windows Server Datacenter"), so only the long-term releases can be told from it.
export const OS_IMAGE_RELEASES: ReadonlyArray<{ pattern: RegExp; release: string }> = [
  { pattern: /\bWindows Server 2016\b/i, release: '1607' },
  { pattern: /\bWindows Server 2019\b/i, release: '1809' },
  { pattern: /\bWindows Server 2022\b/i, release: '2022' },
  { pattern: /\bWindows Server 2025\b/i, release: '2025' },
];

const CONTROL_PLANE = new Set(CONTROL_PLANE_ROLES);

export function readNode(ref: Ref, ctx: Context): void {
  const name = ref.name;
  if (name === undefined) return ctx.note('invalid-value', 'warning', 'A Node without metadata.name was not read.', { ref });
  const o = ref.object;
  const base = `nodes[${name}]`;
  if (!ctx.nodeObjects.has(name)) {
    ctx.nodeOrder.push(name);
    ctx.nodeObjects.set(name, []);
  }
  // Stryker disable next-line OptionalChaining: the list for name was set just above when missing
  ctx.nodeObjects.get(name)?.push(ref);
  const labels = stringMap(get(o, LABELS));
  const annotations = stringMap(get(o, ANNOTATIONS));

  // os: the well-known label, else the kubelet's report.
  const osLabelKey = labels.has('kubernetes.io/os') ? 'kubernetes.io/os' : labels.has('beta.kubernetes.io/os') ? 'beta.kubernetes.io/os' : undefined;
  const osInfo = nonEmptyString(get(o, [...NODE_INFO, 'operatingSystem']));
  if (osLabelKey !== undefined) ctx.claim(`${base}.os`, labels.get(osLabelKey), ref, [[...LABELS, osLabelKey]]);
  if (osInfo !== undefined) ctx.claim(`${base}.os`, osInfo, ref, [[...NODE_INFO, 'operatingSystem']], 1);

  const roles = [...labels.keys()]
    .filter((key) => key.startsWith('node-role.kubernetes.io/') && key.length > 'node-role.kubernetes.io/'.length)
    .map((key) => key.slice('node-role.kubernetes.io/'.length))
    .sort();
  const [firstRole] = roles;
  if (firstRole !== undefined) ctx.claim(`${base}.roles`, roles, ref, [[...LABELS, `node-role.kubernetes.io/${firstRole}`]]);

  const kubelet = nonEmptyString(get(o, [...NODE_INFO, 'kubeletVersion']));
  if (kubelet !== undefined) {
    if (parseVersion(kubelet) === undefined)
      ctx.note('invalid-value', 'warning', `status.nodeInfo.kubeletVersion '${kubelet}' is not a version.`, { ref });
    else
      ctx.kubelets.push({
        node: name,
        version: kubelet,
        controlPlane: roles.some((r) => CONTROL_PLANE.has(r)),
        source: ctx.source(ref, [[...NODE_INFO, 'kubeletVersion']]),
      });
  }

  const providerId = nonEmptyString(get(o, ['spec', 'providerID']));
  if (providerId !== undefined) {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(providerId)?.[1];
    const infrastructure = scheme === undefined ? undefined : lookup(PROVIDER_ID_SCHEMES, scheme.toLowerCase());
    if (infrastructure !== undefined) ctx.claim('infrastructure', infrastructure, ref, [['spec', 'providerID']]);
    else
      ctx.note('undecided', 'info', `spec.providerID '${truncate(providerId)}' names no infrastructure the library knows.`, {
        ref,
        fact: 'infrastructure',
      });
  }

  for (const [key, value] of labels) {
    const hint = PLATFORM_HINTS.find((h) => h.test(key, value));
    if (hint) {
      ctx.claim('platform', hint.platform, ref, [[...LABELS, key]], 1);
      break;
    }
  }

  const rr = nonEmptyString(annotations.get('projectcalico.org/RouteReflectorClusterID'));
  if (rr !== undefined) ctx.claim(`${base}.routeReflector`, true, ref, [[...ANNOTATIONS, 'projectcalico.org/RouteReflectorClusterID']]);

  // Windows-only facts, read when the node says it is Windows.
  const os = osLabelKey !== undefined ? labels.get(osLabelKey) : osInfo;
  if (os !== 'windows') return;
  readWindowsBuild(ref, ctx, base, labels);
  const runtime = nonEmptyString(get(o, [...NODE_INFO, 'containerRuntimeVersion']));
  if (runtime !== undefined) {
    if (parseContainerRuntime(runtime) === undefined)
      ctx.note('invalid-value', 'warning', `status.nodeInfo.containerRuntimeVersion '${truncate(runtime)}' is not a container runtime.`, {
        ref,
        fact: `${base}.containerRuntime`,
      });
    else ctx.claim(`${base}.containerRuntime`, runtime, ref, [[...NODE_INFO, 'containerRuntimeVersion']]);
  }
}

export function readWindowsBuild(ref: Ref, ctx: Context, base: string, labels: ReadonlyMap<string, string>): void {
  const fact = `${base}.osBuild`;
  const kernel = nonEmptyString(get(ref.object, [...NODE_INFO, 'kernelVersion']));
  const label = nonEmptyString(labels.get('node.kubernetes.io/windows-build'));
  const kernelBuild = kernel === undefined ? undefined : parseWindowsBuild(kernel);
  const labelBuild = label === undefined ? undefined : parseWindowsBuild(label);
  if (kernel !== undefined && kernelBuild === undefined)
    ctx.note('invalid-value', 'warning', `status.nodeInfo.kernelVersion '${truncate(kernel)}' is not a Windows build.`, { ref, fact });
  if (label !== undefined && labelBuild === undefined)
    ctx.note('invalid-value', 'warning', `label node.kubernetes.io/windows-build '${truncate(label)}' is not a Windows build.`, { ref, fact });
  if (kernelBuild !== undefined) {
    // The label is set when the node registers and is not updated after an in-place upgrade
    // (kubernetes/kubernetes#84472): the kubelet's kernelVersion is the live value.
    if (labelBuild !== undefined && labelBuild.build !== kernelBuild.build)
      ctx.note(
        'conflict',
        'warning',
        `label node.kubernetes.io/windows-build says ${String(label)} but status.nodeInfo.kernelVersion says ${kernel}: kernelVersion, the kubelet's current report, is used.`,
        { ref, fact },
      );
    return ctx.claim(fact, kernel, ref, [[...NODE_INFO, 'kernelVersion']]);
  }
  if (labelBuild !== undefined)
    return ctx.claim(fact, label, ref, [[...LABELS, 'node.kubernetes.io/windows-build']]);
  const osImage = nonEmptyString(get(ref.object, [...NODE_INFO, 'osImage']));
  if (osImage === undefined) return;
  const match = OS_IMAGE_RELEASES.find((r) => r.pattern.test(osImage));
  const release = match && windowsRelease(match.release);
  if (!release)
    return ctx.note('undecided', 'warning', `status.nodeInfo.osImage '${truncate(osImage)}' does not name the Windows Server release, and neither kernelVersion nor the windows-build label is set.`, { ref, fact });
  ctx.claim(fact, `10.0.${release.build}`, ref, [[...NODE_INFO, 'osImage']]);
  ctx.note(
    'inferred',
    'info',
    `${fact} 10.0.${release.build} from osImage '${truncate(osImage)}' (${release.displayName}), without the revision: status.nodeInfo.kernelVersion would give it.`,
    { ref, fact },
  );
}

export function readKubectlVersion(ref: Ref, ctx: Context): void {
  const version = nonEmptyString(get(ref.object, ['serverVersion', 'gitVersion']));
  if (version === undefined) return skip(ref, ctx, 'kubectl version output without serverVersion');
  if (parseVersion(version) === undefined)
    return ctx.note('invalid-value', 'warning', `serverVersion.gitVersion '${truncate(version)}' is not a version.`, { ref, fact: 'kubernetes.version' });
  ctx.claim('kubernetes.version', version, ref, [['serverVersion', 'gitVersion']]);
}
