import { ruleTable, type RuleCase } from '../../helpers/ruleTable';
import { podNetworkingInvalid } from '../../../server/src/rules/podnetworks/podnetworking-invalid';

/** A PodNetworking with `spec` lines indented by 2 spaces. */
function podNetworking(spec: string): string {
  return `apiVersion: network.alibabacloud.com/v1beta1
kind: PodNetworking
metadata:
  name: net
spec:
${spec}
`;
}

const selector = '  selector:\n    podSelector:\n      matchLabels: {net: extra}';
const denied = 'terway-controlplane denies this PodNetworking';

/** A Fixed, TTL PodNetworking whose releaseAfter is `value` (marked when a finding is expected). */
function ttl(value: string): string {
  return podNetworking(`  allocationType:\n    type: Fixed\n    releaseStrategy: TTL\n    releaseAfter: ${value}\n${selector}`);
}

const notADuration = (value: string, goError: string) =>
  `releaseAfter "${value}" is not a Go duration such as 30m or 2h45m (${goError}): ${denied}.`;
const belowMinimum = (value: string) =>
  `releaseAfter "${value}" is shorter than the 5-minute minimum that Terway documents for TTL release; Terway does not stop it, but it is unsupported.`;

/** Go's time.ParseDuration, case by case: values it accepts (and whether they reach 5 minutes) and the errors it gives. */
const durationCases: RuleCase[] = [
  ...['5m', '5m0s', '2h45m', '1.5h', '300s', '+10m', '1h0m0.5s', '.5h', '1.h', '4m60s', '300000ms', '"2562047h"'].map((value) => ({
    name: `releaseAfter ${value} is a Go duration of at least 5 minutes`,
    text: ttl(value),
    expect: [],
  })),
  ...['4m59s', '0', '-10m', '1µs', '1μs', '90s', '"4.99m"'].map((value) => ({
    name: `releaseAfter ${value} parses but is below the 5-minute minimum`,
    text: ttl(`⟦${value}⟧`),
    expect: [{ severity: 'warning' as const, message: belowMinimum(value.replace(/"/g, '')) }],
  })),
  ...(
    [
      ['10', 'time: missing unit in duration "10"'],
      ['10 min', 'time: unknown unit " min" in duration "10 min"'],
      ['1d', 'time: unknown unit "d" in duration "1d"'],
      ['6e2s', 'time: unknown unit "e" in duration "6e2s"'],
      ['m', 'time: invalid duration "m"'],
      ['.m', 'time: invalid duration ".m"'],
      ['5m-3s', 'time: unknown unit "m-" in duration "5m-3s"'],
      ['-', 'time: invalid duration "-"'],
      ['2562048h', 'time: invalid duration "2562048h"'],
      ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
      ['1M', 'time: unknown unit "M" in duration "1M"'],
    ] as const
  ).map(([value, goError]) => ({
    name: `releaseAfter ${value} is rejected by Go: ${goError}`,
    text: ttl(`⟦"${value}"⟧`),
    expect: [{ severity: 'error' as const, message: notADuration(value, goError) }],
  })),
];

ruleTable(podNetworkingInvalid, [
  {
    name: 'eniType slip: error with a fix that keeps the plain style',
    text: podNetworking(`  eniOptions:\n    eniType: ⟦trunk⟧\n${selector}`),
    expect: [
      {
        severity: 'error',
        message: '"trunk" is not a valid eniOptions.eniType (Default, ENI or Trunk): the API server rejects this PodNetworking.',
        fixed: podNetworking(`  eniOptions:\n    eniType: Trunk\n${selector}`),
      },
    ],
  },
  {
    name: 'eniType slip, in Simplified Chinese',
    locale: 'zh',
    text: podNetworking(`  eniOptions: {eniType: ⟦"Trunc"⟧}\n${selector}`),
    expect: [
      {
        severity: 'error',
        message: '"Trunc" 不是合法的 eniOptions.eniType（Default、ENI 或 Trunk）：API Server 会拒绝该 PodNetworking。',
        fixed: podNetworking(`  eniOptions: {eniType: "Trunk"}\n${selector}`),
      },
    ],
  },
  {
    name: 'an eniType with no close match gets no fix',
    text: podNetworking(`  eniOptions:\n    eniType: ⟦Bridge⟧\n${selector}`),
    expect: [{ severity: 'error', message: '"Bridge" is not a valid eniOptions.eniType (Default, ENI or Trunk): the API server rejects this PodNetworking.' }],
  },
  {
    name: 'allocation type and release strategy slips, quoting kept, comments kept',
    text: podNetworking(`  allocationType:\n    type: ⟦"fixed"⟧ # keep the IP\n    releaseStrategy: ⟦'never'⟧\n${selector}`),
    expect: [
      {
        severity: 'error',
        message: '"fixed" is not a valid allocationType.type (Elastic or Fixed): the API server rejects this PodNetworking.',
        fixed: podNetworking(`  allocationType:\n    type: "Fixed" # keep the IP\n    releaseStrategy: 'never'\n${selector}`),
      },
      {
        severity: 'error',
        message: '"never" is not a valid allocationType.releaseStrategy (TTL or Never): the API server rejects this PodNetworking.',
        fixed: podNetworking(`  allocationType:\n    type: "fixed" # keep the IP\n    releaseStrategy: 'Never'\n${selector}`),
      },
    ],
  },
  {
    name: 'vSwitchSelectionPolicy slip',
    text: podNetworking(`  vSwitchSelectOptions:\n    vSwitchSelectionPolicy: ⟦Random⟧\n${selector}`),
    expect: [
      {
        severity: 'error',
        message: '"Random" is not a valid vSwitchSelectOptions.vSwitchSelectionPolicy: use ordered, random or most.',
        fixed: podNetworking(`  vSwitchSelectOptions:\n    vSwitchSelectionPolicy: random\n${selector}`),
      },
    ],
  },
  {
    name: 'vSwitchSelectionPolicy slip, in Simplified Chinese',
    locale: 'zh',
    text: podNetworking(`  vSwitchSelectOptions:\n    vSwitchSelectionPolicy: ⟦orderd⟧\n${selector}`),
    expect: [
      {
        severity: 'error',
        message: '"orderd" 不是合法的 vSwitchSelectOptions.vSwitchSelectionPolicy：可选值为 ordered、random 或 most。',
        fixed: podNetworking(`  vSwitchSelectOptions:\n    vSwitchSelectionPolicy: ordered\n${selector}`),
      },
    ],
  },
  {
    name: 'releaseAfter under Never',
    text: podNetworking(`  allocationType:\n    type: Fixed\n    releaseStrategy: Never\n    releaseAfter: ⟦10m⟧\n${selector}`),
    expect: [{ severity: 'error', message: `releaseAfter must be empty when releaseStrategy is Never: ${denied}.` }],
  },
  {
    name: 'releaseAfter under Never, in Simplified Chinese',
    locale: 'zh',
    text: podNetworking(`  allocationType: {type: Fixed, releaseStrategy: Never, releaseAfter: ⟦"1h"⟧}\n${selector}`),
    expect: [{ severity: 'error', message: 'releaseStrategy 为 Never 时 releaseAfter 必须留空：terway-controlplane 会拒绝该 PodNetworking。' }],
  },
  {
    name: 'releaseAfter that is not a duration, in Simplified Chinese',
    locale: 'zh',
    text: ttl('⟦30 mins⟧'),
    expect: [
      {
        severity: 'error',
        message:
          'releaseAfter "30 mins" 不是合法的 Go 时长（例如 30m、2h45m；time: unknown unit " mins" in duration "30 mins"）：terway-controlplane 会拒绝该 PodNetworking。',
      },
    ],
  },
  {
    name: 'a short TTL, in Simplified Chinese',
    locale: 'zh',
    text: ttl('⟦1m⟧'),
    expect: [{ severity: 'warning', message: 'releaseAfter "1m" 短于 Terway 文档规定的 TTL 最小值 5 分钟；Terway 不会拦截，但这不是受支持的配置。' }],
  },
  {
    name: 'Fixed without a strategy is released by TTL, so releaseAfter must parse',
    text: podNetworking(`  allocationType:\n    type: Fixed\n    releaseAfter: ⟦1d⟧\n${selector}`),
    expect: [{ severity: 'error', message: notADuration('1d', 'time: unknown unit "d" in duration "1d"') }],
  },
  {
    name: 'Elastic without a strategy does not read releaseAfter; an empty releaseAfter is fine',
    text: [
      podNetworking(`  allocationType:\n    type: Elastic\n    releaseAfter: whenever\n${selector}`),
      podNetworking(`  allocationType:\n    type: Fixed\n    releaseStrategy: TTL\n    releaseAfter: ""\n${selector}`),
      podNetworking(`  allocationType:\n    type: Fixed\n    releaseStrategy: Never\n    releaseAfter:\n${selector}`),
    ].join('---\n'),
    expect: [],
  },
  ...durationCases,
  {
    name: 'more than 10 security groups: the extra ones are marked',
    text: podNetworking(
      `  securityGroupIDs:\n${Array.from({ length: 10 }, (_, i) => `  - sg-${i + 1}\n`).join('')}  - ⟦sg-11\n  - sg-12⟧\n${selector}`,
    ),
    expect: [{ severity: 'error', message: `12 security groups: ${denied} (at most 10).` }],
  },
  {
    name: 'more than 10 security groups in a flow list, in Simplified Chinese',
    locale: 'zh',
    text: podNetworking(`  securityGroupIDs: [a, b, c, d, e, f, g, h, i, j, ⟦k⟧]\n${selector}`),
    expect: [{ severity: 'error', message: '配置了 11 个安全组：terway-controlplane 会拒绝该 PodNetworking（最多 10 个）。' }],
  },
  {
    name: 'exactly 10 security groups are fine',
    text: podNetworking(`  securityGroupIDs: [a, b, c, d, e, f, g, h, i, j]\n${selector}`),
    expect: [],
  },
  {
    name: 'a non-Default eniType without any selector',
    text: [
      podNetworking('  eniOptions:\n    eniType: ⟦Trunk⟧'),
      podNetworking('  eniOptions:\n    eniType: ⟦ENI⟧\n  selector: {}'),
      podNetworking('  eniOptions:\n    eniType: ⟦ENI⟧\n  selector:\n    podSelector:'),
    ].join('---\n'),
    expect: [
      {
        severity: 'warning',
        message: `eniType Trunk without a podSelector or namespaceSelector: ${denied} unless its resource injection is enabled.`,
      },
      { severity: 'warning', message: `eniType ENI without a podSelector or namespaceSelector: ${denied} unless its resource injection is enabled.` },
      { severity: 'warning', message: `eniType ENI without a podSelector or namespaceSelector: ${denied} unless its resource injection is enabled.` },
    ],
  },
  {
    name: 'a non-Default eniType without a selector, in Simplified Chinese',
    locale: 'zh',
    text: podNetworking('  eniOptions:\n    eniType: ⟦Trunk⟧'),
    expect: [
      {
        severity: 'warning',
        message: 'eniType 为 Trunk 却没有 podSelector 或 namespaceSelector：除非 terway-controlplane 开启了资源注入，否则会拒绝该 PodNetworking。',
      },
    ],
  },
  {
    name: 'selectors: an empty podSelector or a namespaceSelector is enough; Default needs none',
    text: [
      podNetworking('  eniOptions:\n    eniType: Trunk\n  selector:\n    podSelector: {}'),
      podNetworking('  eniOptions:\n    eniType: ENI\n  selector:\n    namespaceSelector:\n      matchLabels: {team: a}'),
      podNetworking('  eniOptions:\n    eniType: Default'),
      podNetworking('  vSwitchOptions: [vsw-a]'),
    ].join('---\n'),
    expect: [],
  },
  {
    name: 'a complete valid PodNetworking stays silent',
    text: podNetworking(
      `  allocationType:\n    type: Fixed\n    releaseStrategy: TTL\n    releaseAfter: "5m0s"\n  eniOptions:\n    eniType: Default\n  vSwitchSelectOptions:\n    vSwitchSelectionPolicy: most\n  vSwitchOptions: [vsw-a, vsw-b]\n  securityGroupIDs: [sg-a]\n${selector}`,
    ),
    expect: [],
  },
  {
    name: 'items of a List, and other kinds of the group are left alone',
    text: `apiVersion: v1
kind: List
items:
- apiVersion: network.alibabacloud.com/v1beta1
  kind: PodNetworking
  metadata: {name: a}
  spec:
    eniOptions: {eniType: ⟦default⟧}
- apiVersion: network.alibabacloud.com/v1beta1
  kind: PodENI
  metadata: {name: b}
  spec:
    eniOptions: {eniType: default}
`,
    expect: [
      {
        severity: 'error',
        message: '"default" is not a valid eniOptions.eniType (Default, ENI or Trunk): the API server rejects this PodNetworking.',
        fixed: `apiVersion: v1
kind: List
items:
- apiVersion: network.alibabacloud.com/v1beta1
  kind: PodNetworking
  metadata: {name: a}
  spec:
    eniOptions: {eniType: Default}
- apiVersion: network.alibabacloud.com/v1beta1
  kind: PodENI
  metadata: {name: b}
  spec:
    eniOptions: {eniType: default}
`,
      },
    ],
  },
  {
    name: 'holds without a profile and on every CNI',
    profile: 'cni: flannel\n',
    text: podNetworking(`  eniOptions:\n    eniType: ⟦trunk⟧\n${selector}`),
    expect: [
      {
        severity: 'error',
        message: '"trunk" is not a valid eniOptions.eniType (Default, ENI or Trunk): the API server rejects this PodNetworking.',
        fixed: podNetworking(`  eniOptions:\n    eniType: Trunk\n${selector}`),
      },
    ],
  },
]);
