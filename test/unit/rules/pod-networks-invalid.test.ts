import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintFixture, ruleTable } from '../../helpers/ruleTable';
import { maxProblemsPerValue, podNetworksInvalid } from '../../../server/src/rules/podnetworks/pod-networks-invalid';

/** A workload whose pod template carries `annotations` (lines indented by 8 spaces). */
function workload(kind: string, annotations: string, apiVersion = 'apps/v1'): string {
  return `apiVersion: ${apiVersion}
kind: ${kind}
metadata:
  name: app
spec:
  template:
    metadata:
      annotations:
${annotations}
    spec:
      containers:
      - name: app
        image: nginx
`;
}

const deployment = (annotations: string) => workload('Deployment', annotations);
const statefulSet = (annotations: string) => workload('StatefulSet', annotations);

/** A bare Pod whose metadata carries `annotations` (lines indented by 4 spaces). */
function pod(annotations: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
${annotations}
spec:
  containers: [{name: app, image: nginx}]
`;
}

const request = (json: string) => `        k8s.aliyun.com/pod-networks-request: '${json}'`;
const networks = (json: string) => `        k8s.aliyun.com/pod-networks: '${json}'`;

const denied = "Terway's webhook denies the pod";

ruleTable(podNetworksInvalid, [
  // pod-networks-request
  {
    name: 'request: an interface name longer than 5 characters, range on the JSON string',
    text: deployment(request('[{"interfaceName": ⟦"eth100"⟧, "network": "data"}]')),
    expect: [{ severity: 'error', message: `Interface name "eth100" has 6 characters: ${denied} (1 to 5 allowed).` }],
  },
  {
    name: 'request: in Simplified Chinese',
    locale: 'zh',
    text: deployment(request('[{"interfaceName": ⟦"eth100"⟧, "network": "data"}]')),
    expect: [{ severity: 'error', message: '网卡名 "eth100" 有 6 个字符：Terway 的 Webhook 会拒绝创建该 Pod（只允许 1 到 5 个字符）。' }],
  },
  {
    name: 'request: an empty interface name',
    text: deployment(request('[{"interfaceName": ⟦""⟧, "network": "data"}]')),
    expect: [{ severity: 'error', message: `Interface name "" has 0 characters: ${denied} (1 to 5 allowed).` }],
  },
  {
    name: 'request: missing interfaceName and network, range on the entry',
    text: deployment(request('[⟦⟦{"defaultRoute": true}⟧⟧]')),
    expect: [
      {
        severity: 'error',
        message: `pod-networks-request[0] has no "interfaceName": ${denied} (every interface needs a name of 1 to 5 characters).`,
      },
      { severity: 'error', message: 'pod-networks-request[0] names no PodNetworking in "network": Terway cannot attach this interface.' },
    ],
  },
  {
    name: 'request: an empty network name, range on the value',
    text: deployment(request('[{"interfaceName": "eth1", "network": ⟦""⟧}]')),
    expect: [{ severity: 'error', message: 'pod-networks-request[0] names no PodNetworking in "network": Terway cannot attach this interface.' }],
  },
  {
    name: 'request: a duplicated interface name is marked where it repeats',
    text: deployment(request('[{"interfaceName": "eth1", "network": "a"}, {"interfaceName": ⟦"eth1"⟧, "network": "b"}]')),
    expect: [{ severity: 'error', message: `Interface name "eth1" is used twice in this pod: ${denied}.` }],
  },
  {
    name: 'request: route destinations must be CIDRs; a route needs dst',
    text: deployment(
      request('[{"interfaceName": "eth1", "network": "a", "routes": [{"dst": ⟦"10.0.0.0/33"⟧}, ⟦{}⟧, {"dst": "fd00::/64"}, {"dst": ⟦"10.0.0.1"⟧}]}]'),
    ),
    expect: [
      { severity: 'error', message: 'Route destination "10.0.0.0/33" is not a CIDR such as 10.0.0.0/8: Terway cannot add this route.' },
      { severity: 'error', message: 'pod-networks-request[0].routes[1] has no "dst": Terway cannot add this route.' },
      { severity: 'error', message: 'Route destination "10.0.0.1" is not a CIDR such as 10.0.0.0/8: Terway cannot add this route.' },
    ],
  },
  {
    name: 'request: unknown fields are warnings, with a suggestion when one is close',
    text: deployment(request('[{⟦"interfacename"⟧: "eth1", "interfaceName": "eth1", "network": "a", "routes": [{"dst": "10.0.0.0/8", ⟦"gw"⟧: "10.0.0.1"}]}]')),
    expect: [
      { severity: 'warning', message: 'Unknown field "interfacename" in pod-networks-request[0]; did you mean "interfaceName"?' },
      { severity: 'warning', message: 'Unknown field "gw" in pod-networks-request[0].routes[0]: Terway does not read it.' },
    ],
  },
  {
    name: 'request: unknown field in Simplified Chinese',
    locale: 'zh',
    text: deployment(request('[{"interfaceName": "eth1", "network": "a", ⟦"gw"⟧: 1}]')),
    expect: [{ severity: 'warning', message: 'pod-networks-request[0] 中有未知字段 "gw"：Terway 不会读取它。' }],
  },
  {
    name: 'request: wrong JSON types are denied',
    text: deployment(request('[{"interfaceName": ⟦1⟧, "network": "a", "defaultRoute": ⟦"true"⟧, "routes": ⟦{}⟧}, ⟦"eth2"⟧]')),
    expect: [
      { severity: 'error', message: `pod-networks-request[0].interfaceName must be a string, not a number: ${denied}.` },
      { severity: 'error', message: `pod-networks-request[0].defaultRoute must be a boolean, not a string: ${denied}.` },
      { severity: 'error', message: `pod-networks-request[0].routes must be an array, not an object: ${denied}.` },
      { severity: 'error', message: `pod-networks-request[1] must be an object, not a string: ${denied}.` },
    ],
  },
  {
    name: 'request: wrong type in Simplified Chinese',
    locale: 'zh',
    text: deployment(request('⟦{"interfaceName": "eth1"}⟧')),
    expect: [{ severity: 'error', message: 'pod-networks-request 应为数组，而不是对象：Terway 的 Webhook 会拒绝创建该 Pod。' }],
  },
  {
    name: 'request: null fields read as empty, as Go does',
    text: deployment(request('[⟦{"interfaceName": null, "network": "a", "routes": null}⟧]')),
    expect: [
      {
        severity: 'error',
        message: `pod-networks-request[0] has no "interfaceName": ${denied} (every interface needs a name of 1 to 5 characters).`,
      },
    ],
  },
  {
    name: 'request: a JSON syntax error points at the token where parsing stops',
    text: deployment(request('[{"interfaceName": "eth1" ⟦"network"⟧: "a"}]')),
    expect: [{ severity: 'error', message: `k8s.aliyun.com/pod-networks-request is not valid JSON (a comma is expected): ${denied}.` }],
  },
  {
    name: 'request: a trailing comma in a double-quoted value that spans two lines',
    text: pod('    k8s.aliyun.com/pod-networks-request: "[{\\"interfaceName\\": \\"eth1\\",\n      \\"network\\": \\"a\\"},⟦]⟧"'),
    expect: [{ severity: 'error', message: `k8s.aliyun.com/pod-networks-request is not valid JSON (a value is expected): ${denied}.` }],
  },
  {
    name: 'request: syntax error in Simplified Chinese',
    locale: 'zh',
    text: deployment(request('[{"interfaceName": "eth1", "network": ⟦\'\'a\'\'⟧}]')),
    expect: [{ severity: 'error', message: 'k8s.aliyun.com/pod-networks-request 不是合法的 JSON（出现了非法字符）：Terway 的 Webhook 会拒绝创建该 Pod。' }],
  },
  {
    name: 'request: comments are not JSON',
    text: deployment('        k8s.aliyun.com/pod-networks-request: |\n          [\n            ⟦// data plane⟧\n            {"interfaceName": "eth1", "network": "a"}\n          ]'),
    expect: [{ severity: 'error', message: `k8s.aliyun.com/pod-networks-request is not valid JSON (JSON does not allow comments): ${denied}.` }],
  },
  {
    name: 'request: an unterminated array at the end of a block scalar',
    text: deployment('        k8s.aliyun.com/pod-networks-request: |-\n          [{"interfaceName": "eth1", "network": "a"⟦}⟧'),
    expect: [{ severity: 'error', message: `k8s.aliyun.com/pod-networks-request is not valid JSON (a closing bracket ] is expected): ${denied}.` }],
  },
  {
    name: 'request: an empty value',
    text: deployment('        k8s.aliyun.com/pod-networks-request: ⟦""⟧'),
    expect: [
      {
        severity: 'error',
        message: `k8s.aliyun.com/pod-networks-request is empty: ${denied}. Write a JSON array such as [{"interfaceName": "eth1", "network": "my-podnetworking"}].`,
      },
    ],
  },
  {
    name: 'request: a value the source map cannot trace falls back to the whole value',
    text: pod('    k8s.aliyun.com/pod-networks-request: ⟦"[{\\"interfaceName\\": \\"eth100\\", \\\n\n      \\"network\\": \\"a\\"}]"⟧'),
    expect: [{ severity: 'error', message: `Interface name "eth100" has 6 characters: ${denied} (1 to 5 allowed).` }],
  },
  {
    name: 'request: valid values stay silent in every quoting style',
    text: [
      deployment(request('[{"interfaceName": "eth0", "network": "default", "defaultRoute": true}, {"interfaceName": "eth1", "network": "data", "routes": [{"dst": "172.16.0.0/12"}]}]')),
      pod('    k8s.aliyun.com/pod-networks-request: |\n      [\n        {"interfaceName":"eth0","network":"default","defaultRoute": true},\n        {"interfaceName":"eth1","network":"secondary"}\n      ]'),
      pod('    k8s.aliyun.com/pod-networks-request: "[{\\"interfaceName\\": \\"eth1\\", \\"network\\": \\"a\\"}]"'),
      pod('    k8s.aliyun.com/pod-networks-request: >-\n      [{"interfaceName": "eth1",\n      "network": "a"}]'),
      pod('    k8s.aliyun.com/pod-networks-request: "[]"'),
    ].join('---\n'),
    expect: [],
  },
  {
    name: 'request: a YAML list instead of a JSON string is annotation-value-type\'s business',
    text: pod('    k8s.aliyun.com/pod-networks-request: [{"interfaceName": "eth100", "network": "a"}]'),
    expect: [],
  },
  {
    name: 'request: only pod templates are checked, not the Deployment\'s own metadata',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  annotations:\n    k8s.aliyun.com/pod-networks-request: \'[{"interfaceName": "eth100"}]\'\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: b}]\n',
    expect: [],
  },
  {
    name: 'request: CronJob pod templates and List items',
    text: `apiVersion: v1
kind: List
items:
- apiVersion: batch/v1
  kind: CronJob
  metadata: {name: c}
  spec:
    schedule: "* * * * *"
    jobTemplate:
      spec:
        template:
          metadata:
            annotations: {k8s.aliyun.com/pod-networks-request: '[{"interfaceName": ⟦"eth1234"⟧, "network": "a"}]'}
          spec:
            containers: [{name: a, image: b}]
`,
    expect: [{ severity: 'error', message: `Interface name "eth1234" has 7 characters: ${denied} (1 to 5 allowed).` }],
  },

  // Conflicting annotations
  {
    name: 'conflict: the second and later of the three keys are marked',
    text: pod(
      '    k8s.aliyun.com/pod-networking: data\n    ⟦k8s.aliyun.com/pod-networks-request⟧: \'[{"interfaceName": "eth1", "network": "a"}]\'\n    ⟦k8s.aliyun.com/pod-networks⟧: \'{"podNetworks": [{"interface": "eth0"}]}\'',
    ),
    expect: [
      {
        severity: 'error',
        message:
          "k8s.aliyun.com/pod-networks-request cannot be combined with k8s.aliyun.com/pod-networking: Terway's webhook denies a pod that carries more than one of pod-networks, pod-networks-request and pod-networking.",
      },
      {
        severity: 'error',
        message:
          "k8s.aliyun.com/pod-networks cannot be combined with k8s.aliyun.com/pod-networking: Terway's webhook denies a pod that carries more than one of pod-networks, pod-networks-request and pod-networking.",
      },
    ],
  },
  {
    name: 'conflict: in a flow map, in Simplified Chinese',
    locale: 'zh',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations: {k8s.aliyun.com/pod-networks: \'{"podNetworks": []}\', ⟦k8s.aliyun.com/pod-networks-request⟧: "[]"}\nspec:\n  containers: [{name: a, image: b}]\n',
    expect: [
      {
        severity: 'error',
        message:
          'k8s.aliyun.com/pod-networks-request 不能与 k8s.aliyun.com/pod-networks 同时使用：Pod 同时带有 pod-networks、pod-networks-request、pod-networking 中的多个注解时，Terway 的 Webhook 会拒绝创建该 Pod。',
      },
    ],
  },

  // pod-networks
  {
    name: 'pod-networks: a valid value on a StatefulSet with Fixed IPs stays silent',
    text: statefulSet(
      networks('{"podNetworks": [{"interface": "eth0", "vSwitchOptions": ["vsw-a"], "securityGroupIDs": ["sg-a"], "eniOptions": {"eniType": "Trunk"}, "vSwitchSelectOptions": {"vSwitchSelectionPolicy": "most"}, "allocationType": {"type": "Fixed", "releaseStrategy": "TTL", "releaseAfter": "1h30m"}, "extraRoutes": [{"dst": "192.168.0.0/16"}], "defaultRoute": true, "resourceGroupID": "rg-a"}]}'),
    ),
    expect: [],
  },
  {
    name: 'pod-networks: Fixed on a bare Pod, Never without releaseAfter, stays silent',
    text: pod('    k8s.aliyun.com/pod-networks: \'{"podNetworks": [{"interface": "eth0", "allocationType": {"type": "Fixed", "releaseStrategy": "Never"}}]}\''),
    expect: [],
  },
  {
    name: 'pod-networks: Fixed on a Deployment is denied',
    text: deployment(networks('{"podNetworks": [{"interface": "eth0", "allocationType": {"type": ⟦"Fixed"⟧}}]}')),
    expect: [
      {
        severity: 'error',
        message: "Fixed IP allocation needs pods with a stable name (a StatefulSet's or a bare Pod): Terway's webhook denies the pods of this Deployment.",
      },
    ],
  },
  {
    name: 'pod-networks: Fixed on a CronJob, in Simplified Chinese',
    locale: 'zh',
    text: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            k8s.aliyun.com/pod-networks: '{"podNetworks": [{"interface": "eth0", "allocationType": {"type": ⟦"Fixed"⟧}}]}'
        spec:
          containers: [{name: a, image: b}]
`,
    expect: [{ severity: 'error', message: '固定 IP 分配只适用于名称固定的 Pod（StatefulSet 的 Pod 或独立 Pod）：Terway 的 Webhook 会拒绝创建该 CronJob 的 Pod。' }],
  },
  {
    name: 'pod-networks: Fixed on a workload CRD is a warning (its kind may be configured as stateful)',
    text: workload('CloneSet', networks('{"podNetworks": [{"interface": "eth0", "allocationType": {"type": ⟦"Fixed"⟧}}]}'), 'apps.kruise.io/v1alpha1'),
    expect: [
      {
        severity: 'warning',
        message:
          "Fixed IP allocation needs pods with a stable name: Terway's webhook denies the pods of this CloneSet unless CloneSet is listed in custom_stateful_workload_kinds of eni-config.",
      },
    ],
  },
  {
    name: 'pod-networks: enum slips and what Terway does with them',
    text: statefulSet(
      networks('{"podNetworks": [{"interface": "eth0", "eniOptions": {"eniType": ⟦"trunk"⟧}, "vSwitchSelectOptions": {"vSwitchSelectionPolicy": ⟦"Random"⟧}, "allocationType": {"type": ⟦"fixed"⟧, "releaseStrategy": ⟦"never"⟧}}]}'),
    ),
    expect: [
      { severity: 'error', message: '"trunk" is not a valid eniType: use Default, ENI or Trunk.' },
      { severity: 'error', message: '"Random" is not a valid vSwitchSelectionPolicy: use ordered, random or most.' },
      {
        severity: 'error',
        message: `"fixed" is not an allocation type (Elastic or Fixed): Terway treats anything but Fixed as Elastic, so the pod's IP is not kept.`,
      },
      {
        severity: 'error',
        message: '"never" is not a release strategy (TTL or Never): Terway treats anything but Never as TTL and releases the IP after releaseAfter.',
      },
    ],
  },
  {
    name: 'pod-networks: enum slip in Simplified Chinese',
    locale: 'zh',
    text: statefulSet(networks('{"podNetworks": [{"interface": "eth0", "eniOptions": {"eniType": ⟦"eni"⟧}}]}')),
    expect: [{ severity: 'error', message: '"eni" 不是合法的 eniType：可选值为 Default、ENI 或 Trunk。' }],
  },
  {
    name: 'pod-networks: releaseAfter must be a Go duration under TTL (Fixed defaults to TTL)',
    text: statefulSet(networks('{"podNetworks": [{"interface": "eth0", "allocationType": {"type": "Fixed", "releaseAfter": ⟦"1d"⟧}}]}')),
    expect: [
      {
        severity: 'error',
        message: `releaseAfter "1d" is not a Go duration such as 30m or 2h45m (time: unknown unit "d" in duration "1d"): ${denied}.`,
      },
    ],
  },
  {
    name: 'pod-networks: releaseAfter under Never, and a TTL below 5 minutes',
    text: [
      statefulSet(networks('{"podNetworks": [{"interface": "eth0", "allocationType": {"type": "Fixed", "releaseStrategy": "Never", "releaseAfter": ⟦"10m"⟧}}]}')),
      statefulSet(networks('{"podNetworks": [{"interface": "eth0", "allocationType": {"type": "Fixed", "releaseStrategy": "TTL", "releaseAfter": ⟦"90s"⟧}}]}')),
    ].join('---\n'),
    expect: [
      { severity: 'error', message: `releaseAfter must be empty when releaseStrategy is Never: ${denied}.` },
      {
        severity: 'warning',
        message: 'releaseAfter "90s" is shorter than the 5-minute minimum that Terway documents for TTL release; Terway does not stop it, but it is unsupported.',
      },
    ],
  },
  {
    name: 'pod-networks: an Elastic allocation reads neither releaseStrategy nor releaseAfter',
    text: deployment(networks('{"podNetworks": [{"interface": "eth0", "allocationType": {"type": "Elastic", "releaseAfter": "soon"}}]}')),
    expect: [],
  },
  {
    name: 'pod-networks: more than 10 security groups, the extra ones are marked',
    text: statefulSet(
      networks('{"podNetworks": [{"interface": "eth0", "securityGroupIDs": ["sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg-6", "sg-7", "sg-8", "sg-9", "sg-10", ⟦"sg-11", "sg-12"⟧]}]}'),
    ),
    expect: [{ severity: 'error', message: `pod-networks.podNetworks[0] lists 12 security groups: ${denied} (at most 10).` }],
  },
  {
    name: 'pod-networks: interface names, missing podNetworks and unknown fields',
    text: [
      statefulSet(networks('{"podNetworks": [⟦{"vSwitchOptions": ["vsw-a"]}⟧, {"interface": "eth1"}, {"interface": ⟦"eth1"⟧, ⟦"sgs"⟧: []}]}')),
      statefulSet(networks('⟦{⟦"podNetwork"⟧: []}⟧')),
    ].join('---\n'),
    expect: [
      {
        severity: 'error',
        message: `pod-networks.podNetworks[0] has no "interface": ${denied} (every interface needs a name of 1 to 5 characters).`,
      },
      { severity: 'error', message: `Interface name "eth1" is used twice in this pod: ${denied}.` },
      { severity: 'warning', message: 'Unknown field "sgs" in pod-networks.podNetworks[2]: Terway does not read it.' },
      { severity: 'warning', message: 'pod-networks has no "podNetworks" list: Terway reads it as empty and ignores the annotation.' },
      { severity: 'warning', message: 'Unknown field "podNetwork" in pod-networks; did you mean "podNetworks"?' },
    ],
  },
  {
    name: 'pod-networks: wrong types',
    text: statefulSet(networks('{"podNetworks": [{"interface": "eth0", "securityGroupIDs": ⟦"sg-1"⟧, "vSwitchOptions": ["vsw-a", ⟦2⟧], "allocationType": {"type": "Fixed", "releaseAfter": ⟦600⟧}}]}')),
    expect: [
      { severity: 'error', message: `pod-networks.podNetworks[0].securityGroupIDs must be an array, not a string: ${denied}.` },
      { severity: 'error', message: `pod-networks.podNetworks[0].vSwitchOptions[1] must be a string, not a number: ${denied}.` },
      { severity: 'error', message: `pod-networks.podNetworks[0].allocationType.releaseAfter must be a string, not a number: ${denied}.` },
    ],
  },
  {
    name: 'pod-networks: an empty value and invalid JSON',
    text: [deployment('        k8s.aliyun.com/pod-networks: ⟦\'  \'⟧'), deployment(networks('{"podNetworks": [⟦}⟧]}'))].join('---\n'),
    expect: [
      {
        severity: 'error',
        message: `k8s.aliyun.com/pod-networks is empty: ${denied}. Write a JSON object such as {"podNetworks": [{"interface": "eth0", "vSwitchOptions": ["vsw-…"], "securityGroupIDs": ["sg-…"]}]}.`,
      },
      { severity: 'error', message: `k8s.aliyun.com/pod-networks is not valid JSON (a value is expected): ${denied}.` },
    ],
  },
]);

test('a value with a thousand problems reports the first hundred: the webhook denies the pod on the first', () => {
  const interfaces = Array.from({ length: 1000 }, () => '{"interfaceName": "eth1", "network": "a"}').join(', ');
  const findings = lintFixture(deployment(request(`[${interfaces}]`))).filter((f) => f.ruleId === podNetworksInvalid.id);
  assert.equal(maxProblemsPerValue, 100);
  assert.equal(findings.length, maxProblemsPerValue);
  assert.deepEqual(new Set(findings.map((f) => f.message)), new Set([`Interface name "eth1" is used twice in this pod: ${denied}.`]));
});
