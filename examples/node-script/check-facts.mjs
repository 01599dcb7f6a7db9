// @ts-check
// The library from a Node script: validate a facts object, evaluate it, print what fails and how to fix
// it, and what is still unknown. Exits 1 when the cluster is incompatible, 3 when facts are missing.
//
//   npm install calico-windows-compat
//   node check-facts.mjs
import { evaluateCompatibility, parseFacts } from 'calico-windows-compat';
import { describeSubject, hintFor } from 'calico-windows-compat/format';

// Facts as a program has them: from an inventory, a cloud API, a CMDB… Untrusted: validated first.
const facts = {
  platform: 'kubernetes',
  infrastructure: 'vsphere',
  networking: 'calico-vxlan',
  kubernetes: { version: 'v1.22.9' },
  calico: {
    version: 'v3.23.1',
    datastore: 'kubernetes',
    ipam: 'calico',
    strictAffinity: false, // not yet switched on
    ipipEnabled: false,
    bgpEnabled: false,
    ipPools: [{ name: 'default-ipv4-ippool', cidr: '192.168.0.0/16', encapsulation: 'vxlan' }],
  },
  nodes: [
    { os: 'linux', name: 'cp-1', roles: ['control-plane'] },
    { os: 'linux', name: 'worker-1' },
    {
      os: 'windows',
      name: 'win-1',
      osBuild: '10.0.17763.1339', // too old a 2019 build
      containerRuntime: 'containerd://1.6.6',
      datastore: 'kubernetes',
      cniPlugin: 'calico',
      powershellAdmin: true,
      remoteAccess: ['winrm'],
      tls12Enabled: true,
    },
  ],
};

const parsed = parseFacts(facts);
if (!parsed.success) {
  console.error(parsed.error.message); // every problem, with its path
  process.exit(2);
}

const report = evaluateCompatibility(parsed.data);
for (const finding of report.findings.filter((f) => f.status === 'fail')) {
  console.log(`✗ ${finding.ruleId} (${describeSubject(finding.subject)}, ${finding.severity}): ${finding.message}`);
  if (finding.remediation) console.log(`  fix: ${finding.remediation}`);
}
for (const path of report.missingFacts) console.log(`? ${path}: ${hintFor(path)}`);
console.log(`verdict: ${report.verdict} (${report.counts.errors} errors, ${report.counts.unknown} unknown)`);
process.exitCode = report.verdict === 'compatible' ? 0 : report.verdict === 'incompatible' ? 1 : 3;
