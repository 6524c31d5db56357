import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plansOf, summary, shown, assertLocatedInside } from './show';

const flannelJson = `{
  "name": "demo",
  "cluster_type": "ManagedKubernetes",
  "cluster_spec": "ack.pro.small",
  "kubernetes_version": "1.30.1-aliyun.1",
  "region_id": "cn-hangzhou",
  "container_cidr": "172.20.0.0/20",
  "service_cidr": "172.21.0.0/20",
  "node_cidr_mask": "24",
  "num_of_nodes": 20,
  "worker_instance_types": ["ecs.c7.4xlarge", "ecs.g7.4xlarge"],
  "image_type": "AliyunLinux3",
  "os_type": "Linux",
  "addons": [
    {"name": "flannel", "config": ""},
    {"name": "csi-plugin", "config": ""}
  ]
}
`;

test('CreateCluster JSON (Flannel): every field located at its value, exactly', () => {
  const [plan, ...rest] = plansOf(flannelJson);
  assert.equal(rest.length, 0);
  assert.equal(plan.format, 'create-cluster');
  assert.equal(plan.label, 'demo');
  assert.deepEqual(summary(flannelJson, plan), {
    cni: ['flannel', '{"name": ⟦"flannel"⟧, "config": ""},'],
    'cluster.instanceTypes[0]': ['ecs.c7.4xlarge', '"worker_instance_types": [⟦"ecs.c7.4xlarge"⟧, "ecs.g7.4xlarge"],'],
    'cluster.instanceTypes[1]': ['ecs.g7.4xlarge', '"worker_instance_types": ["ecs.c7.4xlarge", ⟦"ecs.g7.4xlarge"⟧],'],
    'cluster.serviceCidrs[0]': ['172.21.0.0/20', '"service_cidr": "⟦172.21.0.0/20⟧",'],
    'cluster.podCidr': ['172.20.0.0/20', '"container_cidr": ⟦"172.20.0.0/20"⟧,'],
    'cluster.nodeCidrMask': [24, '"node_cidr_mask": ⟦"24"⟧,'],
    'cluster.kubernetesVersion': ['1.30.1', '"kubernetes_version": ⟦"1.30.1-aliyun.1"⟧,'],
    'cluster.edition': ['pro', '"cluster_spec": ⟦"ack.pro.small"⟧,'],
    'cluster.nodes': [20, '"num_of_nodes": ⟦20⟧,'],
    'cluster.os': ['AliyunLinux3', '"image_type": ⟦"AliyunLinux3"⟧,'],
    'cniSpecificFields[0]': [{ name: 'container_cidr', belongsTo: 'flannel' }, '⟦"container_cidr"⟧: "172.20.0.0/20",'],
    'cniSpecificFields[1]': [{ name: 'node_cidr_mask', belongsTo: 'flannel' }, '⟦"node_cidr_mask"⟧: "24",'],
  });
});

const terwayYaml = `# CreateCluster body kept as YAML
name: prod
cluster_type: ManagedKubernetes
cluster_spec: ack.standard
kubernetes_version: "1.28.9-aliyun.1"
ip_stack: dual
service_cidr: 172.21.0.0/20,fd00::/112
pod_vswitch_ids: [vsw-pod-a, vsw-pod-b]
container_cidr: ""
addons:
  - name: terway-eniip
    config: '{"IPVlan":"false","NetworkPolicy":"true","ENITrunking":"true"}'
  - name: kube-flannel-ds
    disabled: true
nodepools:
  - nodepool_info: {name: default}
    scaling_group:
      instance_types: [ecs.c6.4xlarge]
      desired_size: 3
      image_type: ContainerOS
  - scaling_group:
      instance_types: [ecs.c7.4xlarge]
      desired_size: 5
`;

test('CreateCluster YAML (Terway): addon config read inside its JSON string; node pools add up', () => {
  const [plan] = plansOf(terwayYaml);
  assert.deepEqual(summary(terwayYaml, plan), {
    cni: ['terway', '- name: ⟦terway-eniip⟧'],
    'terway.eniMode': ['shared', '- name: ⟦terway-eniip⟧'],
    'terway.trunking': [true, `config: '{"IPVlan":"false","NetworkPolicy":"true","ENITrunking":⟦"true"⟧}'`],
    'terway.datapath': ['veth', `config: '{"IPVlan":⟦"false"⟧,"NetworkPolicy":"true","ENITrunking":"true"}'`],
    'terway.networkPolicy': [true, `config: '{"IPVlan":"false","NetworkPolicy":⟦"true"⟧,"ENITrunking":"true"}'`],
    'terway.ipStack': ['dual', 'ip_stack: ⟦dual⟧'],
    'cluster.instanceTypes[0]': ['ecs.c6.4xlarge', 'instance_types: [⟦ecs.c6.4xlarge⟧]'],
    'cluster.instanceTypes[1]': ['ecs.c7.4xlarge', 'instance_types: [⟦ecs.c7.4xlarge⟧]'],
    'cluster.serviceCidrs[0]': ['172.21.0.0/20', 'service_cidr: ⟦172.21.0.0/20⟧,fd00::/112'],
    'cluster.serviceCidrs[1]': ['fd00::/112', 'service_cidr: 172.21.0.0/20,⟦fd00::/112⟧'],
    'cluster.podVswitchIds[0]': ['vsw-pod-a', 'pod_vswitch_ids: [⟦vsw-pod-a⟧, vsw-pod-b]'],
    'cluster.podVswitchIds[1]': ['vsw-pod-b', 'pod_vswitch_ids: [vsw-pod-a, ⟦vsw-pod-b⟧]'],
    'cluster.kubernetesVersion': ['1.28.9', 'kubernetes_version: ⟦"1.28.9-aliyun.1"⟧'],
    'cluster.edition': ['basic', 'cluster_spec: ⟦ack.standard⟧'],
    // 3 + 5 nodes, located at the larger pool's count.
    'cluster.nodes': [8, 'desired_size: ⟦5⟧'],
    'cluster.os': ['ContainerOS', 'image_type: ⟦ContainerOS⟧'],
    // An empty container_cidr says nothing; pod_vswitch_ids is Terway's own field.
    'cniSpecificFields[0]': [{ name: 'pod_vswitch_ids', belongsTo: 'terway' }, '⟦pod_vswitch_ids⟧: [vsw-pod-a, vsw-pod-b]'],
  });
});

test('CreateCluster: the addon config is traced through JSON escapes in a JSON string', () => {
  const text = `{"cluster_type": "ManagedKubernetes", "addons": [{"name": "terway-eniip", "config": "{\\"IPVlan\\":\\"true\\",\\"NetworkPolicy\\":\\"false\\"}"}]}`;
  const [plan] = plansOf(text);
  assert.equal(shown(text, plan.terway.datapath), `{"cluster_type": "ManagedKubernetes", "addons": [{"name": "terway-eniip", "config": "{\\"IPVlan\\":⟦\\"true\\"⟧,\\"NetworkPolicy\\":\\"false\\"}"}]}`);
  assert.equal(plan.terway.datapath?.value, 'ipvlan');
  assert.equal(plan.terway.networkPolicy?.value, false);
  assert.equal(plan.terway.networkPolicy?.raw, '\\"false\\"');
});

test('CreateCluster: addon names old and new, disabled addons, the first CNI addon wins', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['[{"name": "flannel"}]', { cni: 'flannel' }],
    ['[{"name": "kube-flannel-ds"}]', { cni: 'flannel' }],
    ['[{"name": "terway-eniip", "config": ""}]', { cni: 'terway', eniMode: 'shared' }],
    ['[{"name": "terway-eni"}]', { cni: 'terway', eniMode: 'exclusive' }],
    ['[{"name": "terway"}]', { cni: 'terway' }],
    // The Terway e2e switches Flannel off this way (cni-facts §2.4).
    ['[{"name": "kube-flannel-ds", "disabled": true}, {"name": "terway-eniip"}]', { cni: 'terway', eniMode: 'shared' }],
    ['[{"name": "flannel", "disabled": "true"}]', {}],
    ['[{"name": "flannel"}, {"name": "terway-eniip"}]', { cni: 'flannel' }],
    ['[{"name": "csi-plugin"}]', {}],
    // terway-controlplane's ENITrunking counts when the CNI addon does not say.
    ['[{"name": "terway-eniip"}, {"name": "terway-controlplane", "config": "{\\"ENITrunking\\":\\"true\\"}"}]', { cni: 'terway', eniMode: 'shared', trunking: true }],
    ['[{"name": "terway-eniip", "config": "{\\"ENITrunking\\":\\"false\\"}"}, {"name": "terway-controlplane", "config": "{\\"ENITrunking\\":\\"true\\"}"}]', { cni: 'terway', eniMode: 'shared', trunking: false }],
    // Config values: string booleans in any case, JSON booleans; anything else says nothing.
    ['[{"name": "terway-eniip", "config": "{\\"NetworkPolicy\\":\\"TRUE\\",\\"IPVlan\\":true}"}]', { cni: 'terway', eniMode: 'shared', networkPolicy: true, datapath: 'ipvlan' }],
    ['[{"name": "terway-eniip", "config": "{\\"NetworkPolicy\\":\\"yes\\"}"}]', { cni: 'terway', eniMode: 'shared' }],
    ['[{"name": "terway-eniip", "config": "{not json}"}]', { cni: 'terway', eniMode: 'shared' }],
  ];
  for (const [addons, expected] of cases) {
    const text = `{"cluster_type": "ManagedKubernetes", "addons": ${addons}}`;
    const [plan] = plansOf(text);
    const got: Record<string, unknown> = {};
    if (plan.cni) got.cni = plan.cni.value;
    for (const key of ['eniMode', 'trunking', 'networkPolicy', 'datapath'] as const) if (plan.terway[key]) got[key] = plan.terway[key]!.value;
    assert.deepEqual(got, expected, addons);
    assertLocatedInside(text, plan, addons);
  }
});

test('CreateCluster: profile Edge makes an Edge cluster; cluster_spec names Pro or Basic', () => {
  const edition = (fields: string) => plansOf(`{"cluster_type": "ManagedKubernetes", ${fields}}`)[0].cluster.edition?.value;
  assert.equal(edition('"cluster_spec": "ack.pro.small"'), 'pro');
  assert.equal(edition('"cluster_spec": "ack.pro.xlarge"'), 'pro');
  assert.equal(edition('"cluster_spec": "ack.standard"'), 'basic');
  assert.equal(edition('"cluster_spec": "ack.pro.small", "profile": "Edge"'), 'edge');
  assert.equal(edition('"cluster_spec": "ack.unknown"'), undefined);
  assert.equal(edition('"region_id": "cn-hangzhou"'), undefined);
});

test('CreateCluster: values of the wrong type or form are left alone', () => {
  const text = `{"cluster_type": "Kubernetes", "node_cidr_mask": "twenty", "num_of_nodes": "many", "ip_stack": "ipv6",
  "kubernetes_version": "latest", "service_cidr": ["172.21.0.0/20"], "worker_instance_types": "ecs.c7.large"}`;
  const [plan] = plansOf(text);
  // The field is still there for cni-field-ignored: a Flannel-only field written on this cluster.
  assert.deepEqual(summary(text, plan), {
    'cniSpecificFields[0]': [{ name: 'node_cidr_mask', belongsTo: 'flannel' }, '{"cluster_type": "Kubernetes", ⟦"node_cidr_mask"⟧: "twenty", "num_of_nodes": "many", "ip_stack": "ipv6",'],
  });
});

test('CreateCluster: the OS comes from image_type, else platform, else os_type', () => {
  const os = (fields: string) => plansOf(`{"cluster_type": "ManagedKubernetes", ${fields}}`)[0].cluster.os?.value;
  assert.equal(os('"os_type": "Windows", "platform": "CentOS", "image_type": "AliyunLinux3"'), 'AliyunLinux3');
  assert.equal(os('"os_type": "Windows", "platform": "CentOS"'), 'CentOS');
  assert.equal(os('"os_type": "Windows"'), 'Windows');
  assert.equal(os('"nodepools": [{"scaling_group": {"image_type": "ContainerOS"}}]'), 'ContainerOS');
});

test('CreateCluster: a node pool without a literal count makes the total unknown', () => {
  const [plan] = plansOf('{"cluster_type": "ManagedKubernetes", "num_of_nodes": 3, "nodepools": [{"scaling_group": {"desired_size": "ten"}}]}');
  assert.equal(plan.cluster.nodes, undefined);
  const [counted] = plansOf('{"cluster_type": "ManagedKubernetes", "nodepools": [{"count": 4}, {"scaling_group": {"desired_size": "6"}}]}');
  assert.equal(counted.cluster.nodes?.value, 10);
  assert.equal(counted.cluster.nodes?.raw, '"6"');
});

test('CreateCluster detection: never a Kubernetes object, never a map without a known cluster_type', () => {
  const notBodies = [
    // A Kubernetes object that happens to carry the same keys.
    'apiVersion: v1\nkind: ConfigMap\ncluster_type: ManagedKubernetes\naddons: []\n',
    'kind: Cluster\ncluster_type: ManagedKubernetes\ncontainer_cidr: 10.0.0.0/16\n',
    // cluster_type alone, or with an unknown value.
    '{"cluster_type": "ManagedKubernetes"}',
    '{"cluster_type": "gke", "service_cidr": "10.0.0.0/16"}',
    '{"cluster_type": 3, "service_cidr": "10.0.0.0/16"}',
    // Other files with similar fields.
    'service_cidr: 10.0.0.0/16\ncontainer_cidr: 10.1.0.0/16\n',
    '- cluster_type: ManagedKubernetes\n  addons: []\n',
  ];
  for (const text of notBodies) assert.deepEqual(plansOf(text), [], text);
  for (const type of ['Kubernetes', 'ManagedKubernetes', 'ExternalKubernetes', 'Ask', 'managedkubernetes']) {
    assert.equal(plansOf(`{"cluster_type": "${type}", "region_id": "cn-beijing"}`).length, 1, type);
  }
});

test('CreateCluster: several bodies in one YAML stream each make a plan; aliases are located where written', () => {
  const text = `cluster_type: ManagedKubernetes
addons: &net [{name: flannel}]
container_cidr: &pods 172.20.0.0/16
---
cluster_type: ManagedKubernetes
addons: [{name: terway-eniip}]
`;
  const plans = plansOf(text);
  assert.deepEqual(plans.map((plan) => plan.cni?.value), ['flannel', 'terway']);
  assert.equal(shown(text, plans[0].cluster.podCidr), 'container_cidr: &pods ⟦172.20.0.0/16⟧');
  const aliased = `cluster_type: ManagedKubernetes\ncidrs:\n  pods: &pods 172.20.0.0/16\ncontainer_cidr: *pods\n`;
  const [plan] = plansOf(aliased);
  assert.deepEqual([plan.cluster.podCidr?.value, shown(aliased, plan.cluster.podCidr)], ['172.20.0.0/16', 'container_cidr: ⟦*pods⟧']);
});
