import { isScalar, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { both, type Localized } from '../../l10n';
import type { Report } from '../../engine/finding';
import { closest } from '../../util/closest';
import { replaceScalarFix } from '../../yaml/edits';
import { asScalar, asSeq, entry, mapAt } from '../../yaml/nodes';
import {
  allocationTypes,
  eniTypes,
  listOfValues,
  maxSecurityGroups,
  networkGroup,
  podNetworkingKind,
  releaseAfterMessage,
  releaseAfterProblem,
  releaseStrategies,
  vSwitchSelectionPolicies,
} from '../support/podNetworking';
import type { Rule } from '../types';

const deniedByControlplane = both('terway-controlplane denies this PodNetworking', 'terway-controlplane 会拒绝该 PodNetworking');
const rejectedByApiServer = both('the API server rejects this PodNetworking', 'API Server 会拒绝该 PodNetworking');

interface SpecCheck {
  text: string;
  doc: Document;
  spec: YAMLMap;
  report(report: Report): void;
}

function spanOf(node: Node): Pick<Report, 'start' | 'end'> {
  return { start: node.range![0], end: node.range![1] };
}

/** The scalar at `path` under spec, unless it is absent or `null` (then the CRD default applies). */
function scalarAt(check: SpecCheck, ...path: string[]): Scalar | null {
  const parent = mapAt(check.spec, check.doc, ...path.slice(0, -1));
  const scalar = asScalar(entry(parent, path[path.length - 1])?.valueNode, check.doc);
  return scalar && scalar.value !== null ? scalar : null;
}

/**
 * An enum field: a value outside `allowed` is reported, with a fix to the value it most likely
 * meant. `verdict` is what happens to the object (undefined when the sources do not say).
 */
function checkEnum(check: SpecCheck, path: string[], allowed: readonly string[], verdict: Localized | undefined): void {
  const scalar = scalarAt(check, ...path);
  if (!scalar) return;
  const value = String(scalar.value);
  if (allowed.includes(value)) return;
  const field = path.join('.');
  const choices = listOfValues(allowed);
  const suggestion = closest(value, allowed);
  check.report({
    ...spanOf(scalar),
    message: verdict
      ? both(`"${value}" is not a valid ${field} (${choices.en}): ${verdict.en}.`, `"${value}" 不是合法的 ${field}（${choices.zh}）：${verdict.zh}。`)
      : both(`"${value}" is not a valid ${field}: use ${choices.en}.`, `"${value}" 不是合法的 ${field}：可选值为 ${choices.zh}。`),
    ...(suggestion ? { fix: replaceScalarFix(check.text, scalar, suggestion, both(`Change to ${suggestion}`, `改为 ${suggestion}`)) } : {}),
  });
}

/** releaseAfter must parse as a Go duration under TTL and be empty under Never [§1.4]. */
function checkReleaseAfter(check: SpecCheck): void {
  const releaseAfter = scalarAt(check, 'allocationType', 'releaseAfter');
  if (!releaseAfter) return;
  const value = String(releaseAfter.value);
  const type = scalarAt(check, 'allocationType', 'type')?.value;
  const strategy = scalarAt(check, 'allocationType', 'releaseStrategy')?.value;
  const problem = releaseAfterProblem(type === undefined ? undefined : String(type), strategy === undefined ? undefined : String(strategy), value);
  if (!problem) return;
  check.report({
    ...spanOf(releaseAfter),
    message: releaseAfterMessage(problem, value, deniedByControlplane),
    ...(problem.kind === 'below-minimum' ? { severity: 'warning' as const } : {}),
  });
}

function checkSecurityGroupCount(check: SpecCheck): void {
  const groups = asSeq(entry(check.spec, 'securityGroupIDs')?.valueNode, check.doc)?.items ?? [];
  if (groups.length <= maxSecurityGroups) return;
  // Mark the groups beyond the limit: they are what has to go.
  const first = groups[maxSecurityGroups] as Node;
  const last = groups[groups.length - 1] as Node;
  if (!first.range || !last.range) return;
  check.report({
    start: first.range[0],
    end: last.range[1],
    message: both(
      `${groups.length} security groups: ${deniedByControlplane.en} (at most ${maxSecurityGroups}).`,
      `配置了 ${groups.length} 个安全组：${deniedByControlplane.zh}（最多 ${maxSecurityGroups} 个）。`,
    ),
  });
}

function hasSelector(check: SpecCheck, key: string): boolean {
  const value = entry(mapAt(check.spec, check.doc, 'selector'), key)?.valueNode;
  return !!value && !(isScalar(value) && value.value === null);
}

/** A non-Default eniType needs a pod or namespace selector unless resource injection is on [§1.4]. */
function checkSelectorForEniType(check: SpecCheck): void {
  const eniType = scalarAt(check, 'eniOptions', 'eniType');
  if (!eniType || eniType.value === 'Default' || !eniTypes.includes(String(eniType.value))) return;
  if (hasSelector(check, 'podSelector') || hasSelector(check, 'namespaceSelector')) return;
  check.report({
    ...spanOf(eniType),
    severity: 'warning',
    message: both(
      `eniType ${String(eniType.value)} without a podSelector or namespaceSelector: ${deniedByControlplane.en} unless its resource injection is enabled.`,
      `eniType 为 ${String(eniType.value)} 却没有 podSelector 或 namespaceSelector：除非 terway-controlplane 开启了资源注入，否则会拒绝该 PodNetworking。`,
    ),
  });
}

export const podNetworkingInvalid: Rule = {
  id: 'podnetworking-invalid',
  title: both('Invalid PodNetworking spec', 'PodNetworking 配置无效'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both(
    'Every CNI: PodNetworking (network.alibabacloud.com/v1beta1) values that Terway or the API server reject wherever they are applied.',
    '所有 CNI：在任何集群中都会被 Terway 或 API Server 拒绝的 PodNetworking（network.alibabacloud.com/v1beta1）取值。',
  ),
  needsProfile: false,
  remediation: both(
    'Use the documented enum values, a Go duration of at least 5 minutes for releaseAfter with TTL (none with Never), at most 10 security groups, and a selector for non-Default ENI types.',
    '请使用文档列出的枚举值；TTL 时 releaseAfter 写不少于 5 分钟的 Go 时长，Never 时不要写；安全组不超过 10 个；非 Default 的 ENI 类型需要配置选择器。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'Checks the spec of a PodNetworking: `eniOptions.eniType` (Default, ENI, Trunk), `allocationType.type` (Elastic, Fixed), `allocationType.releaseStrategy` (TTL, Never), `vSwitchSelectOptions.vSwitchSelectionPolicy` (ordered, random, most), `allocationType.releaseAfter` (a Go duration under TTL, at least 5 minutes; empty under Never), at most 10 `securityGroupIDs`, and a pod or namespace selector whenever eniType is not Default.',
      why: 'The CRD schema makes the API server reject unknown eniType, allocation type and release strategy values. terway-controlplane\'s webhook denies a PodNetworking whose releaseAfter does not parse under TTL or is set under Never, that lists more than 10 security groups, or that uses a non-Default eniType without any selector (unless resource injection is enabled). A TTL below 5 minutes passes the code but is below the documented minimum. A `Fixed` PodNetworking only ever matches StatefulSet pods or bare Pods; other pods silently get an elastic IP.',
      fix: 'The quick fix replaces a misspelt enum value with the one it most likely meant (`trunk` → `Trunk`). Write durations as Go does (`30m`, `2h45m`, not `30 min` or `1d`), drop `releaseAfter` with `Never`, split more than 10 security groups across PodNetworkings, and give non-Default ENI types a `selector.podSelector` or `selector.namespaceSelector`.',
    },
    zh: {
      what: '检查 PodNetworking 的 spec：`eniOptions.eniType`（Default、ENI、Trunk）、`allocationType.type`（Elastic、Fixed）、`allocationType.releaseStrategy`（TTL、Never）、`vSwitchSelectOptions.vSwitchSelectionPolicy`（ordered、random、most）、`allocationType.releaseAfter`（TTL 时为不少于 5 分钟的 Go 时长，Never 时留空）、`securityGroupIDs` 不超过 10 个，以及 eniType 不是 Default 时必须配置 Pod 或命名空间选择器。',
      why: 'CRD 的 Schema 会让 API Server 拒绝未知的 eniType、分配类型和释放策略。terway-controlplane 的 Webhook 会拒绝以下 PodNetworking：TTL 时 releaseAfter 无法解析、Never 时仍填写了 releaseAfter、安全组超过 10 个，或者 eniType 不是 Default 却没有任何选择器（开启资源注入时除外）。TTL 小于 5 分钟虽然能通过代码校验，但低于文档规定的最小值。`Fixed` 类型的 PodNetworking 只会匹配 StatefulSet 的 Pod 或独立 Pod，其他 Pod 会悄无声息地拿到弹性 IP。',
      fix: '快速修复会把拼错的枚举值改成最可能的正确值（例如 `trunk` → `Trunk`）。时长请按 Go 的格式书写（`30m`、`2h45m`，而不是 `30 min` 或 `1d`）；使用 `Never` 时删除 `releaseAfter`；安全组超过 10 个时拆分到多个 PodNetworking；非 Default 的 ENI 类型请配置 `selector.podSelector` 或 `selector.namespaceSelector`。',
    },
    example: {
      bad: 'apiVersion: network.alibabacloud.com/v1beta1\nkind: PodNetworking\nmetadata:\n  name: fixed-ip\nspec:\n  allocationType:\n    type: Fixed\n    releaseStrategy: TTL\n    releaseAfter: 30 min\n  selector:\n    podSelector:\n      matchLabels: {fixed-ip: "true"}\n  vSwitchOptions: [vsw-aaa]\n  securityGroupIDs: [sg-aaa]\n',
      good: 'apiVersion: network.alibabacloud.com/v1beta1\nkind: PodNetworking\nmetadata:\n  name: fixed-ip\nspec:\n  allocationType:\n    type: Fixed\n    releaseStrategy: TTL\n    releaseAfter: 30m\n  selector:\n    podSelector:\n      matchLabels: {fixed-ip: "true"}\n  vSwitchOptions: [vsw-aaa]\n  securityGroupIDs: [sg-aaa]\n',
    },
    facts: ['1.3', '1.4'],
    sources: ['src-8', 'src-9', 'src-10'],
  },
  checkObject(object, { text, doc, report }) {
    if (object.group !== networkGroup || object.kind !== podNetworkingKind) return;
    const spec = mapAt(object.node, doc, 'spec');
    if (!spec) return;
    const check: SpecCheck = { text, doc, spec, report };
    checkEnum(check, ['eniOptions', 'eniType'], eniTypes, rejectedByApiServer);
    checkEnum(check, ['allocationType', 'type'], allocationTypes, rejectedByApiServer);
    checkEnum(check, ['allocationType', 'releaseStrategy'], releaseStrategies, rejectedByApiServer);
    checkEnum(check, ['vSwitchSelectOptions', 'vSwitchSelectionPolicy'], vSwitchSelectionPolicies, undefined);
    checkReleaseAfter(check);
    checkSecurityGroupCount(check);
    checkSelectorForEniType(check);
  },
};
