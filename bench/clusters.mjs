// Generated clusters for the benchmark: deterministic (a seeded generator), realistic mixes.
//
// A cluster of n nodes is 20 % Linux (three control-plane nodes, the rest workers) and 80 % Windows.
// Windows nodes are patched in waves, as fleets are: most run one of 32 builds of Windows Server 2019
// (1809) or 20H2, some one of 8 builds below 17763.1432, some one of 6 builds of a release the profile
// does not support (2022), some a build with no revision (the windows-build label), a few nothing known.
// `distinctCluster` is the worst case for sharing decisions: every node's build its own. Runtimes are
// containerd 1.5–1.7 with some Docker; a few nodes fail TLS 1.2, PowerShell, remote access or the
// datastore, a few leave facts out (unknown). So every node rule has pass, fail and unknown findings.

/** A small seeded generator (mulberry32): the same seed gives the same cluster. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/**
 * The builds a fleet runs, as nodes are patched in waves: monthly cumulative updates of 1809 and 20H2,
 * some 1809 builds from before 17763.1432, and some Windows Server 2022 builds.
 */
function buildsOf(rand) {
  const current = [];
  for (let i = 0; i < 24; i++) current.push(`10.0.17763.${1432 + i * 173 + Math.floor(rand() * 40)}`);
  for (let i = 0; i < 8; i++) current.push(`10.0.19042.${1000 + i * 120 + Math.floor(rand() * 30)}`);
  const old = Array.from({ length: 8 }, (_, i) => `10.0.17763.${1000 + i * 50 + Math.floor(rand() * 20)}`);
  const ws2022 = Array.from({ length: 6 }, (_, i) => `10.0.20348.${800 + i * 150 + Math.floor(rand() * 40)}`);
  return { current, old, ws2022 };
}

function windowsNode(rand, name, builds, datastore) {
  const node = { os: 'windows', name };
  const r = rand();
  // osBuild: 90 % a current build, then old 1809, Windows Server 2022, no revision, absent.
  if (r < 0.9) node.osBuild = pick(rand, builds.current);
  else if (r < 0.93) node.osBuild = pick(rand, builds.old);
  else if (r < 0.96) node.osBuild = pick(rand, builds.ws2022);
  else if (r < 0.98) node.osBuild = '10.0.17763';
  const runtime = rand();
  if (runtime < 0.97)
    node.containerRuntime = runtime < 0.6 ? 'containerd://1.6.6' : runtime < 0.85 ? 'containerd://1.7.2' : runtime < 0.9 ? 'containerd://1.5.13' : 'docker://20.10.9';
  const d = rand();
  if (d < 0.97) node.datastore = d < 0.95 ? datastore : datastore === 'kubernetes' ? 'etcd' : 'kubernetes';
  if (rand() < 0.98) node.cniPlugin = rand() < 0.99 ? 'calico' : 'win-bridge';
  if (rand() < 0.01) node.routeReflector = true;
  const p = rand();
  if (p < 0.98) node.powershellAdmin = p < 0.97;
  const a = rand();
  if (a < 0.98) node.remoteAccess = a < 0.7 ? ['rdp'] : a < 0.9 ? ['winrm'] : a < 0.97 ? ['rdp', 'winrm'] : [];
  if (rand() < 0.9) node.remoteAccessServiceInstalled = rand() < 0.95;
  const t = rand();
  if (t < 0.98) node.tls12Enabled = t < 0.93;
  return node;
}

/**
 * A cluster of `nodes` nodes as facts. `index` makes clusters of a fleet differ (names, builds, and every
 * tenth one with IPIP left on).
 */
export function cluster(nodes, index = 0) {
  const rand = random(0x5eed + index * 7919);
  const builds = buildsOf(rand);
  const datastore = index % 4 === 3 ? 'etcd' : 'kubernetes';
  const list = [];
  for (let i = 0; i < nodes; i++) {
    if (i % 5 === 0) {
      const controlPlane = i < 15;
      list.push({ os: 'linux', name: `c${index}-linux-${String(i).padStart(6, "0")}`, roles: controlPlane ? ['control-plane'] : ['worker'] });
    } else list.push(windowsNode(rand, `c${index}-win-${String(i).padStart(6, "0")}`, builds, datastore));
  }
  return {
    platform: 'kubernetes',
    networking: index % 3 === 2 ? 'calico-bgp' : 'calico-vxlan',
    kubernetes: { version: '1.22.3' },
    calico: {
      version: '3.23.1',
      datastore,
      ipam: 'calico',
      strictAffinity: true,
      ipipEnabled: index % 10 === 9,
      bgpEnabled: index % 3 === 2,
      ipPools: [{ name: 'default-ipv4-ippool', cidr: '192.168.0.0/16', encapsulation: index % 3 === 2 ? 'none' : 'vxlan' }],
    },
    network: { vxlanPortOpen: true },
    nodes: list,
  };
}

/** The worst case for deciding once per distinct value: every Windows node runs a build of its own. */
export function distinctCluster(nodes) {
  const facts = cluster(nodes, 0);
  let n = 0;
  for (const node of facts.nodes) if (node.os === 'windows') node.osBuild = `10.0.17763.${1432 + n++}`;
  return facts;
}
