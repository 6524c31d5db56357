import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import {
  detectClusterConfig,
  initTerraform,
  mayHoldClusterConfig,
  planToProfileValues,
  plansInFile,
} from '../../../server/src/cluster/readers';
import { buildProfile } from '../../../server/src/profile/resolve';
import { readProfileDocument } from '../../../server/src/profile/validate';
import { ruleIds } from '../../../server/src/rules';
import { parseYamlDocuments } from '../../../server/src/yaml/parse';

before(() => initTerraform());

const flannelBody = JSON.stringify({
  name: 'shop',
  cluster_type: 'ManagedKubernetes',
  cluster_spec: 'ack.pro.small',
  kubernetes_version: '1.30.1-aliyun.1',
  container_cidr: '172.20.0.0/20',
  node_cidr_mask: '24',
  service_cidr: '172.21.0.0/20',
  num_of_nodes: 3,
  pod_vswitch_ids: ['vsw-ignored'],
  ip_stack: 'ipv4',
  addons: [{ name: 'flannel', config: '' }],
}, null, 2);

const terwayTf = `resource "alicloud_cs_managed_kubernetes" "k8s" {
  cluster_spec   = "ack.standard"
  pod_cidr       = "10.0.0.0/16"
  service_cidr   = "172.21.0.0/20,fd00::/112"
  ip_stack       = "dual"
  addons {
    name   = "terway-eniip"
    config = jsonencode({ NetworkPolicy = "true", ENITrunking = "true" })
  }
}
resource "alicloud_cs_kubernetes_node_pool" "pool" {
  cluster_id     = alicloud_cs_managed_kubernetes.k8s.id
  instance_types = ["ecs.c7.4xlarge"]
  desired_size   = 0
}
`;

const eniConfig = `apiVersion: v1
kind: ConfigMap
metadata: {name: eni-config, namespace: kube-system}
data:
  disable_network_policy: "true"
`;

test('plansInFile: by file name — YAML, JSON and .tf are read; .ack-cni.yaml, templates and other files are not', () => {
  assert.deepEqual(plansInFile(flannelBody, '/ws/cluster.json').map((plan) => plan.format), ['create-cluster']);
  assert.deepEqual(plansInFile(flannelBody, '/ws/cluster.yaml').map((plan) => plan.format), ['create-cluster']);
  assert.deepEqual(plansInFile(terwayTf, '/ws/main.tf').map((plan) => plan.format), ['terraform']);
  assert.deepEqual(plansInFile(eniConfig, '/ws/eni.yml').map((plan) => plan.format), ['eni-config']);
  assert.deepEqual(plansInFile('cni: flannel\n', '/ws/.ack-cni.yaml'), []);
  assert.deepEqual(plansInFile(flannelBody, '/ws/cluster.txt'), []);
  const template = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: eni-config\ndata:\n  disable_network_policy: {{ .Values.x | quote }}\n`;
  assert.deepEqual(plansInFile(template, '/ws/templates/cm.yaml'), []);
  assert.deepEqual(plansInFile('{"cluster_type": ', '/ws/broken.json'), []);
  assert.equal(mayHoldClusterConfig('/ws/main.TF'), true);
  assert.equal(mayHoldClusterConfig('/ws/.ack-cni.yaml'), false);
});

test('detectClusterConfig: none, one, the same cluster twice, two different clusters', () => {
  assert.deepEqual(detectClusterConfig([]), { kind: 'none', found: [] });
  assert.deepEqual(detectClusterConfig([{ path: '/ws/app.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n' }]), { kind: 'none', found: [] });

  const one = detectClusterConfig([
    { path: '/ws/app.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n' },
    { path: '/ws/cluster.json', text: flannelBody },
  ]);
  assert.equal(one.kind, 'one');
  assert.equal(one.kind === 'one' && one.config.path, '/ws/cluster.json');

  // The same configuration in two files (a copy, a YAML twin) is still one cluster: no guess needed.
  const twins = detectClusterConfig([
    { path: '/ws/b/cluster.yaml', text: flannelBody },
    { path: '/ws/a/cluster.json', text: flannelBody },
  ]);
  assert.equal(twins.kind, 'one');
  assert.deepEqual(twins.found.map((config) => config.path), ['/ws/a/cluster.json', '/ws/b/cluster.yaml']);
  assert.equal(twins.kind === 'one' && twins.config.path, '/ws/a/cluster.json');

  const conflict = detectClusterConfig([
    { path: '/ws/cluster.json', text: flannelBody },
    { path: '/ws/infra/main.tf', text: terwayTf },
    { path: '/ws/kube-system/eni-config.yaml', text: eniConfig },
  ]);
  assert.equal(conflict.kind, 'ambiguous');
  assert.deepEqual(
    conflict.found.map((config) => [config.path, config.plan.format, config.plan.label, config.plan.cni?.value]),
    [
      ['/ws/cluster.json', 'create-cluster', 'shop', 'flannel'],
      ['/ws/infra/main.tf', 'terraform', 'alicloud_cs_managed_kubernetes.k8s', 'terway'],
      ['/ws/kube-system/eni-config.yaml', 'eni-config', 'kube-system/eni-config', 'terway'],
    ],
  );

  // Node pools of a cluster defined elsewhere name no CNI: they are not a cluster configuration.
  const pools = `resource "alicloud_cs_kubernetes_node_pool" "p" {\n  cluster_id = var.id\n  instance_types = ["ecs.c7.large"]\n}\n`;
  assert.equal(detectClusterConfig([{ path: '/ws/pools.tf', text: pools }, { path: '/ws/cluster.json', text: flannelBody }]).kind, 'one');
});

test('planToProfileValues: the values the CNI reads, in the shape of .ack-cni.yaml', () => {
  const [flannel] = plansInFile(flannelBody, '/ws/cluster.json');
  assert.deepEqual(planToProfileValues(flannel), {
    cni: 'flannel',
    cluster: {
      kubernetesVersion: '1.30.1',
      edition: 'pro',
      nodes: 3,
      podCidr: '172.20.0.0/20',
      nodeCidrMask: 24,
      serviceCidr: '172.21.0.0/20',
    },
  });
  const [terway] = plansInFile(terwayTf, '/ws/main.tf');
  assert.deepEqual(planToProfileValues(terway), {
    cni: 'terway',
    terway: { eniMode: 'shared', networkPolicy: true, trunking: true, ipStack: 'dual' },
    // pod_cidr is Flannel's: a Terway cluster does not use it. Zero nodes is no plan for nodes.
    cluster: { edition: 'basic', instanceTypes: ['ecs.c7.4xlarge'], serviceCidr: '172.21.0.0/20,fd00::/112' },
  });
  const [eni] = plansInFile(eniConfig, '/ws/eni.yaml');
  assert.deepEqual(planToProfileValues(eni), { cni: 'terway', terway: { networkPolicy: false } });
});

test('planToProfileValues: the values pass .ack-cni.yaml validation and build a profile', () => {
  for (const [file, text] of [['/ws/cluster.json', flannelBody], ['/ws/main.tf', terwayTf], ['/ws/eni.yaml', eniConfig]] as const) {
    const [plan] = plansInFile(text, file);
    const values = planToProfileValues(plan);
    const yaml = stringify(values);
    const [document] = parseYamlDocuments(yaml);
    const content = readProfileDocument(yaml, document.doc, ruleIds);
    assert.deepEqual(content.problems, [], `${file}:\n${yaml}`);
    assert.deepEqual(content.values, values, file);
    assert.equal(buildProfile(values, { kind: 'settings' })?.cni, plan.cni?.value);
  }
});
