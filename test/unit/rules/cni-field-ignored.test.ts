import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTable } from '../../helpers/ruleTable';
import { cniFieldIgnored } from '../../../server/src/rules/cluster/cni-field-ignored';
import { emptyPlan } from '../../../server/src/cluster/plan';
import type { Report } from '../../../server/src/engine/finding';

test('cni-field-ignored: in a cluster configuration file the field is reported at its key, without a fix', () => {
  const text = 'resource "alicloud_cs_managed_kubernetes" "k8s" {\n  pod_cidr = "172.20.0.0/16"\n}\n';
  const plan = emptyPlan('terraform');
  plan.cni = { value: 'terway', start: 0, end: 0, raw: '' };
  const start = text.indexOf('pod_cidr');
  plan.cniSpecificFields.push({ value: { name: 'pod_cidr', belongsTo: 'flannel' }, start, end: start + 8, raw: 'pod_cidr' });
  const reports: Report[] = [];
  cniFieldIgnored.checkPlan!({ text, plan, report: (r) => reports.push(r) });
  assert.deepEqual(reports, [
    {
      start,
      end: start + 8,
      message: {
        en: 'pod_cidr is read only by Flannel: this Terway cluster ignores it.',
        zh: 'pod_cidr 只有 Flannel 才读取：该 Terway 集群会忽略它。',
      },
      fix: undefined,
    },
  ]);
});

const kind = 'profile' as const;

ruleTable(cniFieldIgnored, [
  {
    name: 'a flannel: section in a Terway profile: the fix removes the whole section',
    kind,
    text: 'cni: terway\nflannel:\n  ⟦bandwidth⟧: true\ncluster:\n  serviceCidr: 172.21.0.0/20\n',
    expect: [
      {
        severity: 'warning',
        message: 'flannel.bandwidth is read only by Flannel: this Terway cluster ignores it.',
        fixed: 'cni: terway\ncluster:\n  serviceCidr: 172.21.0.0/20\n',
      },
    ],
  },
  {
    name: 'in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: terway\nflannel:\n  ⟦bandwidth⟧: true\n',
    expect: [{ severity: 'warning', message: 'flannel.bandwidth 只有 Flannel 才读取：该 Terway 集群会忽略它。', fixed: 'cni: terway\n' }],
  },
  {
    name: 'a pod CIDR and node CIDR mask in a Terway profile: each removed on its own line, comments kept',
    kind,
    text: 'cni: terway\ncluster:\n  nodes: 10\n  # Flannel leftovers\n  ⟦podCidr⟧: 172.20.0.0/16 # old\n  ⟦nodeCidrMask⟧: 24\n',
    expect: [
      {
        severity: 'warning',
        message: 'cluster.podCidr is read only by Flannel: this Terway cluster ignores it.',
        fixed: 'cni: terway\ncluster:\n  nodes: 10\n  # Flannel leftovers\n  nodeCidrMask: 24\n',
      },
      {
        severity: 'warning',
        message: 'cluster.nodeCidrMask is read only by Flannel: this Terway cluster ignores it.',
        fixed: 'cni: terway\ncluster:\n  nodes: 10\n  # Flannel leftovers\n  podCidr: 172.20.0.0/16 # old\n',
      },
    ],
  },
  {
    // Round-trip regression: removing the keys one at a time (as source.fixAll did) left `terway:`
    // with no value, which profile-invalid rejects; every key is ignored, so each fix removes the section.
    name: 'a terway: section in a Flannel profile: one finding per key, each fix removes the whole section',
    kind,
    text: 'cni: flannel\nterway:\n  ⟦networkPolicy⟧: true\n  # comment lines inside stay\n  ⟦eniMode⟧: shared\nflannel:\n  bandwidth: true\n',
    expect: [
      {
        severity: 'warning',
        message: 'terway.networkPolicy is read only by Terway: this Flannel cluster ignores it.',
        fixed: 'cni: flannel\n  # comment lines inside stay\nflannel:\n  bandwidth: true\n',
      },
      {
        severity: 'warning',
        message: 'terway.eniMode is read only by Terway: this Flannel cluster ignores it.',
        fixed: 'cni: flannel\n  # comment lines inside stay\nflannel:\n  bandwidth: true\n',
      },
    ],
  },
  {
    name: 'a flow terway: section whose keys are all ignored goes as a whole too',
    kind,
    text: 'cni: flannel\nterway: {⟦eniMode⟧: shared, ⟦trunking⟧: true} # old\nflannel:\n  bandwidth: true\n',
    expect: [
      {
        severity: 'warning',
        message: 'terway.eniMode is read only by Terway: this Flannel cluster ignores it.',
        fixed: 'cni: flannel\nflannel:\n  bandwidth: true\n',
      },
      {
        severity: 'warning',
        message: 'terway.trunking is read only by Terway: this Flannel cluster ignores it.',
        fixed: 'cni: flannel\nflannel:\n  bandwidth: true\n',
      },
    ],
  },
  {
    name: 'Flannel profile, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: flannel\nterway:\n  ⟦ipStack⟧: dual\n',
    expect: [{ severity: 'warning', message: 'terway.ipStack 只有 Terway 才读取：该 Flannel 集群会忽略它。', fixed: 'cni: flannel\n' }],
  },
  {
    name: 'flow style: the entry and one comma go',
    kind,
    text: 'cni: terway\ncluster: {nodes: 3, ⟦podCidr⟧: 172.20.0.0/16}\n',
    expect: [
      {
        severity: 'warning',
        message: 'cluster.podCidr is read only by Flannel: this Terway cluster ignores it.',
        fixed: 'cni: terway\ncluster: {nodes: 3}\n',
      },
    ],
  },
  {
    name: 'the only entry of a flow section leaves an empty map',
    kind,
    text: 'cni: terway\nflannel: {⟦bandwidth⟧: true}\n',
    expect: [
      {
        severity: 'warning',
        message: 'flannel.bandwidth is read only by Flannel: this Terway cluster ignores it.',
        fixed: 'cni: terway\nflannel: {}\n',
      },
    ],
  },
  {
    name: 'Flannel fields in a Flannel profile',
    kind,
    text: 'cni: flannel\nflannel:\n  bandwidth: true\ncluster:\n  podCidr: 172.20.0.0/16\n  nodeCidrMask: 24\n',
    expect: [],
  },
  { name: 'Terway fields in a Terway profile', kind, text: 'cni: terway\nterway:\n  networkPolicy: true\n', expect: [] },
  { name: 'Terway Edge reads both: silent', kind, text: 'cni: terway-edge\nterway:\n  eniMode: shared\ncluster:\n  podCidr: 10.0.0.0/16\n', expect: [] },
  { name: 'no CNI: silent', kind, text: 'terway:\n  eniMode: shared\nflannel:\n  bandwidth: true\n', expect: [] },
  { name: 'turned off by settings or --rule', kind, rules: { 'cni-field-ignored': 'off' }, text: 'cni: terway\nflannel:\n  bandwidth: true\n', expect: [] },
]);
