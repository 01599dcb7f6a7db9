// Reading each kind of object into claims, notes and drafts.
import { CALICO_GROUPS } from './collect.js';
import { skip, type Context, type Ref } from './context.js';
import { readNode, readKubectlVersion } from './nodes.js';
import {
  readCalicoConfig,
  readClusterInformation,
  readFelixConfiguration,
  readInstallation,
  readIpamConfig,
  readIpPool,
  readRke2Calico,
  readServicesEndpoint,
} from './calico.js';

export function read(ref: Ref, ctx: Context): void {
  const { group, kind } = ref;
  if (kind === 'KubectlVersion') return readKubectlVersion(ref, ctx);
  if (group === '' && kind === 'Node') return readNode(ref, ctx);
  if (group === '' && kind === 'ConfigMap' && ref.name === 'calico-config') return readCalicoConfig(ref, ctx);
  if (group === '' && kind === 'ConfigMap' && ref.name === 'kubernetes-services-endpoint') return readServicesEndpoint(ref, ctx);
  if (group === 'operator.tigera.io' && kind === 'Installation') return readInstallation(ref, ctx);
  if (group === 'helm.cattle.io' && kind === 'HelmChartConfig')
    return ref.name === 'rke2-calico' ? readRke2Calico(ref, ctx) : skip(ref, ctx, 'HelmChartConfig other than rke2-calico');
  if (CALICO_GROUPS.has(group)) {
    switch (kind) {
      case 'FelixConfiguration':
        return ref.name === 'default' ? readFelixConfiguration(ref, ctx) : skip(ref, ctx, 'per-node FelixConfiguration');
      case 'IPPool':
        return readIpPool(ref, ctx);
      case 'IPAMConfiguration':
      case 'IPAMConfig':
        return ref.name === 'default' ? readIpamConfig(ref, ctx) : skip(ref, ctx, `${kind} other than default`);
      case 'ClusterInformation':
        return ref.name === 'default' ? readClusterInformation(ref, ctx) : skip(ref, ctx, 'ClusterInformation other than default');
      case 'BGPConfiguration':
        // Recognised: it shapes peering (node-to-node mesh, AS numbers), which no requirement reads.
        return;
      case 'Node':
        if (group === 'projectcalico.org') return void ctx.calicoNodes.push(ref);
        break;
    }
  }
  skip(ref, ctx, group === '' && kind === 'ConfigMap' ? 'ConfigMap other than calico-config' : undefined);
}
