/**
 * Where fuzz inputs start from: the shared corpus of real manifests (found the same way as
 * test/corpus/corpus.test.ts finds it), the repository's examples, and a few seed texts written
 * here for the formats the corpus lacks (profiles, CreateCluster bodies, Terraform, the CNI
 * ConfigMaps, pods carrying every annotation the rules read), so mutations reach every reader.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir } from '../../helpers/corpus';

export type InputKind = 'manifest' | 'profile' | 'terraform';

export interface Seed {
  /** Where it comes from, for reports: a corpus path or `builtin:<name>`. */
  origin: string;
  /** The kind a file of this name is linted as. */
  kind: InputKind;
  text: string;
}

export const repoRoot = path.resolve(__dirname, '../../..');
export const corpusRoot = corpusDir;

function filesUnder(dir: string, accept: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(full, accept);
      return accept(entry.name) ? [full] : [];
    })
    .sort();
}

function kindOf(file: string): InputKind {
  if (path.basename(file) === '.ack-cni.yaml') return 'profile';
  return file.endsWith('.tf') ? 'terraform' : 'manifest';
}

export function corpusAvailable(): boolean {
  return fs.existsSync(corpusRoot);
}

/** Corpus documents, sorted by path so that a seed number means the same file everywhere. */
export function corpusSeeds(): Seed[] {
  return filesUnder(corpusRoot, (name) => /\.(ya?ml|json)$/i.test(name)).map((file) => ({
    origin: path.relative(corpusRoot, file),
    kind: 'manifest' as const,
    text: fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
  }));
}

/** The repository's examples and test fixtures (small, but they hold profiles and a .tf file). */
export function repoSeeds(): Seed[] {
  const accept = (name: string) => /\.(ya?ml|json|tf)$/i.test(name);
  return [...filesUnder(path.join(repoRoot, 'examples'), accept), ...filesUnder(path.join(repoRoot, 'test/fixtures'), accept)].map((file) => ({
    origin: path.relative(repoRoot, file),
    kind: kindOf(file),
    text: fs.readFileSync(file, 'utf8'),
  }));
}

const fullProfile = `# every key of the profile
cni: terway
terway:
  eniMode: mixed
  datapath: datapathv2
  networkPolicy: true
  trunking: true
  ipStack: dual
  ipamType: legacy
  networkPriority: true
  version: "1.13.2"
flannel:
  bandwidth: true
cluster:
  edition: pro
  kubernetesVersion: "1.30"
  nodes: 250
  os: AliyunLinux3
  instanceTypes: [ecs.g7.large, ecs.c6.xlarge]
  vpcCidr: 192.168.0.0/16
  podCidr: 172.20.0.0/16
  nodeCidrMask: 25
  serviceCidr: 172.21.0.0/20,fd00::/112
rules:
  aliyun-bandwidth-deprecated: off
  network-policy-endport: error
ignore: ["charts/**", "!charts/keep.yaml"]
`;

const flannelProfile = `cni: flannel
flannel:
  bandwidth: false
cluster:
  edition: basic
  podCidr: 172.20.0.0/20
  nodeCidrMask: 26
  nodes: 40
from: ./cluster.json
`;

const createClusterJson = `{
  "name": "demo",
  "cluster_type": "ManagedKubernetes",
  "cluster_spec": "ack.pro.small",
  "kubernetes_version": "1.30.1-aliyun.1",
  "container_cidr": "172.20.0.0/20",
  "service_cidr": "172.21.0.0/20",
  "node_cidr_mask": "24",
  "num_of_nodes": 20,
  "worker_instance_types": ["ecs.c7.4xlarge", "ecs.g7.4xlarge"],
  "image_type": "AliyunLinux3",
  "ip_stack": "dual",
  "pod_vswitch_ids": ["vsw-a"],
  "addons": [
    {"name": "terway-eniip", "config": "{\\"IPVlan\\":\\"true\\",\\"NetworkPolicy\\":\\"true\\",\\"ENITrunking\\":\\"true\\"}"},
    {"name": "flannel", "config": "", "disabled": true}
  ],
  "nodepools": [{"count": 4, "instance_types": ["ecs.t5-lc1m1.small"]}, {"scaling_group": {"desired_size": "6"}}]
}
`;

const terraform = `provider "alicloud" { region = "cn-hangzhou" }

resource "alicloud_vpc" "vpc" {
  vpc_name   = "demo"
  cidr_block = "172.16.0.0/12"
}

resource "alicloud_cs_managed_kubernetes" "k8s" {
  name                 = "shop"
  cluster_spec         = "ack.pro.small"
  version              = "1.30.1-aliyun.1"
  pod_cidr             = "172.20.0.0/16"
  node_cidr_mask       = 26
  service_cidr         = "172.21.0.0/20"
  pod_vswitch_ids      = [alicloud_vswitch.pod.id]
  worker_vswitch_ids   = ["vsw-1", "vsw-2"]
  ip_stack             = "ipv4"
  addons {
    name   = "terway-eniip"
    config = jsonencode({ IPVlan = "false", NetworkPolicy = "true" })
  }
  addons {
    name   = "flannel"
    config = ""
  }
}

resource "alicloud_cs_kubernetes_node_pool" "pool" {
  cluster_id     = alicloud_cs_managed_kubernetes.k8s.id
  instance_types = ["ecs.g7.large", "ecs.t6-c4m1.large"]
  desired_size   = 300
  image_type     = "CentOS"
  dynamic "labels" {
    for_each = var.labels
    content { key = labels.key }
  }
}
`;

const eniConfig = `apiVersion: v1
kind: ConfigMap
metadata:
  name: eni-config
  namespace: kube-system
data:
  eni_conf: |
    {
      "version": "1",
      "max_pool_size": 5,
      "vswitches": {"cn-hangzhou-i": ["vsw-1"]},
      "ip_stack": "dual",
      "service_cidr": "172.21.0.0/20,fd00::/120",
      "enable_eni_trunking": true
    }
  10-terway.conf: |
    {"cniVersion": "0.4.0", "name": "terway", "type": "terway", "eniip_virtual_type": "IPVlan", "network_policy_provider": "ebpf"}
  disable_network_policy: "false"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-flannel-cfg
  namespace: kube-system
data:
  net-conf.json: |
    {"Network": "172.20.0.0/16", "SubnetLen": 24, "EnableIPv6": true, "Backend": {"Type": "vxlan"}}
  cni-conf.json: |
    {"name": "cb0", "cniVersion": "0.3.1", "plugins": [{"type": "flannel"}, {"type": "bandwidth", "capabilities": {"bandwidth": true}}]}
`;

const annotatedWorkloads = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  annotations:
    ack-cni-lint.io/ignore: "eip-annotation-deprecated"
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata:
      labels: {app: db, tier: 1}
      annotations:
        k8s.aliyun.com/ingress-bandwidth: 10M
        k8s.aliyun.com/egress-bandwidth: "1.5G"
        kubernetes.io/ingress-bandwidth: 10m
        kubernetes.io/egress-bandwidth: 100Mi
        k8s.aliyun.com/network-priority: Guaranteed
        k8s.aliyun.com/pod-ip-reservation: "true"
        k8s.aliyun.com/pod-with-eip: "true"
        k8s.aliyun.com/eip-bandwidth: 5
        k8s.aliyun.com/eni: "true"
        k8s.aliyun.com/pod-ips: 10.0.0.1
        k8s.aliyun.com/pod-networking: trunk-net
        k8s.aliyun.com/pod-networks: '[{"interfaceName": "eth1", "network": "net-a"}]'
        k8s.aliyun.com/pod-networks-request: '[{"interfaceName": "eth1", "network": "net-a", "defaultRoute": true, "routes": [{"dst": "10.0.0.0/8"}]}]'
    spec:
      containers: [{name: db, image: postgres}]
  volumeClaimTemplates:
    - metadata: {name: data, labels: {size: 10}}
      spec: {accessModes: [ReadWriteOnce]}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/backend-type: eni
spec:
  ipFamilyPolicy: RequireDualStack
  ipFamilies: [IPv4, IPv6]
  ports: [{port: 80}]
---
apiVersion: network.alibabacloud.com/v1beta1
kind: PodNetworking
metadata:
  name: trunk-net
spec:
  eniOptions:
    eniType: Trunk
  allocationType:
    type: Fixed
    releaseStrategy: TTL
    releaseAfter: "5m0s"
  selector:
    podSelector: {matchLabels: {app: db}}
  vSwitchOptions: [vsw-a]
  securityGroupIDs: [sg-a]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ports
spec:
  podSelector: {}
  ingress:
    - ports: [{port: 8000, endPort: 7000, protocol: TCP}]
---
apiVersion: crd.projectcalico.org/v1
kind: GlobalNetworkPolicy
metadata: {name: deny}
spec: {selector: all()}
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: p
      annotations: {k8s.aliyun.com/network-priority: best-effort}
    spec: {containers: [{name: c, image: x}]}
`;

export function builtinSeeds(): Seed[] {
  return [
    { origin: 'builtin:full-profile', kind: 'profile', text: fullProfile },
    { origin: 'builtin:flannel-profile', kind: 'profile', text: flannelProfile },
    { origin: 'builtin:create-cluster.json', kind: 'manifest', text: createClusterJson },
    { origin: 'builtin:main.tf', kind: 'terraform', text: terraform },
    { origin: 'builtin:cni-configmaps', kind: 'manifest', text: eniConfig },
    { origin: 'builtin:annotated-workloads', kind: 'manifest', text: annotatedWorkloads },
  ];
}

/** Keys and values the rules look at, for mutations that plant them into real documents. */
export const plantedAnnotations = [
  'k8s.aliyun.com/ingress-bandwidth',
  'k8s.aliyun.com/egress-bandwidth',
  'kubernetes.io/ingress-bandwidth',
  'kubernetes.io/egress-bandwidth',
  'k8s.aliyun.com/network-priority',
  'k8s.aliyun.com/pod-ip-reservation',
  'k8s.aliyun.com/pod-with-eip',
  'k8s.aliyun.com/eni',
  'k8s.aliyun.com/ENI',
  'k8s.aliyun.com/pod-ips',
  'k8s.aliyun.com/pod-networking',
  'k8s.aliyun.com/pod-networks',
  'k8s.aliyun.com/pod-networks-request',
  'service.beta.kubernetes.io/backend-type',
  'ack-cni-lint.io/ignore',
];

export const plantedValues = [
  '10M', '10m', '1.5G', '0', '-1', '1e400', '0x10', '.inf', '~', 'null', 'yes', 'on', "''", '""', '"10 M"', '10Mi', '999999999999999999999G',
  'Guaranteed', 'best-effort', 'eni', 'ecs', 'true', '"true"', '[]', '{}', "'[{\"interfaceName\": \"eth1\"}]'", "'[{\"network\": 1, \"routes\": {}}]'",
  "'{\"podNetworks\": [{\"interface\": \"eth1\", \"vSwitchOptions\": [\"a\"]}]}'", "'['", "'{\"a\":'", '"\\u0000"', '!!binary aGVsbG8=', '&anchor 5', '*anchor', '|\n  block\n',
  '10.0.0.0/8', '300.1.1.1/33', 'fd00::/200', 'network-policy-unsupported,', 'kind', '"{{ x }}"',
];
