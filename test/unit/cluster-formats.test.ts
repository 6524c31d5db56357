import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initTerraform } from '../../server/src/cluster/readers';
import { lintText, type FileKind } from '../../server/src/engine/lint';
import { parseMarkers } from '../helpers/markers';

/**
 * Issue 4, "done means": a Flannel plan whose pod CIDR cannot hold its nodes shows
 * flannel-node-capacity on the node mask, whatever the format the plan is written in.
 */
const message =
  "Flannel gives each node a /24 of the pod CIDR 172.20.0.0/20 (256 pod addresses), so the cluster holds at most 16 nodes, fewer than the 20 planned; a Flannel cluster's node capacity cannot change after creation.";

const forms: Array<{ name: string; kind: FileKind; text: string }> = [
  {
    name: 'CreateCluster JSON (numbers as strings, as ACK sends them)',
    kind: 'manifest',
    text: `{
  "cluster_type": "ManagedKubernetes",
  "cluster_spec": "ack.pro.small",
  "addons": [{"name": "flannel", "config": ""}],
  "container_cidr": "172.20.0.0/20",
  "node_cidr_mask": ⟦"24"⟧,
  "service_cidr": "172.21.0.0/20",
  "num_of_nodes": 20
}
`,
  },
  {
    name: 'CreateCluster YAML',
    kind: 'manifest',
    text: `cluster_type: ManagedKubernetes
cluster_spec: ack.pro.small
addons:
  - name: flannel
container_cidr: 172.20.0.0/20
node_cidr_mask: ⟦24⟧
service_cidr: 172.21.0.0/20
num_of_nodes: 20
`,
  },
  {
    name: 'Terraform',
    kind: 'terraform',
    text: `resource "alicloud_cs_managed_kubernetes" "shop" {
  cluster_spec   = "ack.pro.small"
  pod_cidr       = "172.20.0.0/20"
  node_cidr_mask = ⟦24⟧
  service_cidr   = "172.21.0.0/20"
  worker_number  = 20
  addons {
    name = "flannel"
  }
}
`,
  },
  {
    name: '.ack-cni.yaml',
    kind: 'profile',
    text: 'cni: flannel\ncluster:\n  edition: pro\n  podCidr: 172.20.0.0/20\n  nodeCidrMask: ⟦24⟧\n  serviceCidr: 172.21.0.0/20\n  nodes: 20\n',
  },
];

before(() => initTerraform());

for (const form of forms) {
  test(`flannel-node-capacity on the node mask: ${form.name}`, () => {
    const { text, ranges } = parseMarkers(form.text);
    const findings = lintText(text, { profile: undefined, kind: form.kind });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.start, f.end, f.message]),
      [['flannel-node-capacity', 'error', ranges[0][0], ranges[0][1], message]],
    );
  });
}

test('the fix keeps each format\'s way of writing the number', () => {
  const fixed = forms.map((form) => {
    const { text } = parseMarkers(form.text);
    const [finding] = lintText(text, { profile: undefined, kind: form.kind });
    const edit = finding.fix!.changes[0].edits[0];
    return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  });
  assert.match(fixed[0], /"node_cidr_mask": "25",/);
  assert.match(fixed[1], /\nnode_cidr_mask: 25\n/);
  assert.match(fixed[2], /node_cidr_mask = 25\n/);
  assert.match(fixed[3], /nodeCidrMask: 25\n/);
});
