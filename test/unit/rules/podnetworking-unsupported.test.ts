import { ruleTable } from '../../helpers/ruleTable';
import { podNetworkingUnsupported } from '../../../server/src/rules/podnetworks/podnetworking-unsupported';

function podNetworking(eniType: string): string {
  return `apiVersion: network.alibabacloud.com/v1beta1
kind: ⟦PodNetworking⟧
metadata:
  name: net
spec:
  eniOptions:
    eniType: ${eniType}
  selector:
    podSelector:
      matchLabels: {net: extra}
`;
}

/** The same object with the kind unmarked, for the cases that mark something else or nothing. */
const unmarked = (text: string) => text.replace('⟦PodNetworking⟧', 'PodNetworking');

const trunkOff =
  'ENI trunking is off in this Terway cluster (terway.trunking: false): pods that use this PodNetworking cannot get a trunk member ENI.';
const noExclusiveNodes =
  'This Terway cluster has no exclusive-ENI node pools (terway.eniMode: shared): pods that use this PodNetworking have no node that can give them an exclusive ENI.';

ruleTable(podNetworkingUnsupported, [
  {
    name: 'Flannel: no PodNetworking CRD, range on the kind',
    profile: 'cni: flannel\n',
    text: podNetworking('Default'),
    expect: [{ severity: 'error', message: 'Flannel clusters have no PodNetworking CRD: the API server rejects this object.' }],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    profile: 'cni: flannel\n',
    locale: 'zh',
    text: podNetworking('Trunk'),
    expect: [{ severity: 'error', message: 'Flannel 集群中没有 PodNetworking 这个 CRD：API Server 会拒绝该对象。' }],
  },
  {
    name: 'Terway: eniType Trunk with trunking off, range on the eniType value',
    profile: 'cni: terway\n',
    text: unmarked(podNetworking('⟦Trunk⟧')),
    expect: [{ severity: 'error', message: trunkOff }],
  },
  {
    name: 'Terway: eniType Trunk, quoted, in Simplified Chinese',
    profile: 'cni: terway\nterway:\n  eniMode: mixed\n',
    locale: 'zh',
    text: unmarked(podNetworking('⟦"Trunk"⟧')),
    expect: [{ severity: 'error', message: '该 Terway 集群未开启 ENI Trunk（terway.trunking: false）：使用此 PodNetworking 的 Pod 无法获得 Trunk 成员网卡。' }],
  },
  {
    name: 'Terway shared: eniType ENI has no exclusive-ENI nodes',
    profile: 'cni: terway\nterway:\n  trunking: true\n',
    text: unmarked(podNetworking('⟦ENI⟧')),
    expect: [{ severity: 'error', message: noExclusiveNodes }],
  },
  {
    name: 'Terway shared: eniType ENI, in Simplified Chinese',
    profile: 'cni: terway\n',
    locale: 'zh',
    text: unmarked(podNetworking("⟦'ENI'⟧")),
    expect: [{ severity: 'error', message: '该 Terway 集群没有独占 ENI 节点池（terway.eniMode: shared）：使用此 PodNetworking 的 Pod 找不到能分配独占 ENI 的节点。' }],
  },
  { name: 'Terway with trunking: Trunk works', profile: 'cni: terway\nterway:\n  trunking: true\n', text: unmarked(podNetworking('Trunk')), expect: [] },
  { name: 'Terway mixed: ENI works', profile: 'cni: terway\nterway:\n  eniMode: mixed\n', text: unmarked(podNetworking('ENI')), expect: [] },
  { name: 'Terway exclusive: ENI works', profile: 'cni: terway\nterway:\n  eniMode: exclusive\n', text: unmarked(podNetworking('ENI')), expect: [] },
  { name: 'Terway: Default follows the cluster', profile: 'cni: terway\n', text: unmarked(podNetworking('Default')), expect: [] },
  {
    name: 'Terway: no eniOptions means Default',
    profile: 'cni: terway\n',
    text: 'apiVersion: network.alibabacloud.com/v1beta1\nkind: PodNetworking\nmetadata:\n  name: n\nspec:\n  vSwitchOptions: [vsw-a]\n',
    expect: [],
  },
  { name: 'Terway Edge: no sourced verdict, silent', profile: 'cni: terway-edge\n', text: unmarked(podNetworking('Trunk')), expect: [] },
  { name: 'no profile: silent', text: unmarked(podNetworking('Trunk')), expect: [] },
  {
    name: 'system-owned kinds of the group: a warning on Terway',
    profile: 'cni: terway\n',
    text: 'apiVersion: network.alibabacloud.com/v1beta1\nkind: ⟦PodENI⟧\nmetadata:\n  name: p\n---\napiVersion: network.alibabacloud.com/v1beta1\nkind: ⟦NodeRuntime⟧\nmetadata:\n  name: n\n',
    expect: [
      { severity: 'warning', message: "PodENI objects are created and owned by Terway's controllers: users may create only PodNetworking in network.alibabacloud.com." },
      {
        severity: 'warning',
        message: "NodeRuntime objects are created and owned by Terway's controllers: users may create only PodNetworking in network.alibabacloud.com.",
      },
    ],
  },
  {
    name: 'system-owned kinds, in Simplified Chinese, on Terway Edge',
    profile: 'cni: terway-edge\n',
    locale: 'zh',
    text: 'apiVersion: network.alibabacloud.com/v1beta1\nkind: ⟦NetworkInterface⟧\nmetadata:\n  name: eni-1\n',
    expect: [{ severity: 'warning', message: 'NetworkInterface 对象由 Terway 的控制器创建和维护：在 network.alibabacloud.com 中，用户只能创建 PodNetworking。' }],
  },
  {
    name: 'system-owned kinds on Flannel: the CRDs do not exist either',
    profile: 'cni: flannel\n',
    text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: network.alibabacloud.com/v1beta1\n  kind: ⟦Node⟧\n  metadata: {name: n}\n',
    expect: [
      {
        severity: 'warning',
        message: 'Node belongs to Terway, and Flannel clusters do not have the network.alibabacloud.com CRDs: the API server rejects this object.',
      },
    ],
  },
  {
    name: 'a core Node and other groups are not this rule\'s business',
    profile: 'cni: flannel\n',
    text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n\n---\napiVersion: networking.k8s.io/v1\nkind: PodNetworking\nmetadata:\n  name: x\n',
    expect: [],
  },
  {
    name: 'a JSON manifest',
    profile: 'cni: flannel\n',
    text: '{"apiVersion": "network.alibabacloud.com/v1beta1", "kind": ⟦"PodNetworking"⟧, "metadata": {"name": "n"}}\n',
    expect: [{ severity: 'error', message: 'Flannel clusters have no PodNetworking CRD: the API server rejects this object.' }],
  },
]);
