import type { Scalar } from 'yaml';
import { both, type Localized } from '../../l10n';
import type { Report, Severity } from '../../engine/finding';
import { podAnnotations } from '../../k8s/metadata';
import type { PodTemplate } from '../../k8s/podTemplates';
import { closest } from '../../util/closest';
import { asScalar, type Entry } from '../../yaml/nodes';
import type { Rule } from '../types';
import {
  allocationTypes,
  eniTypes,
  exclusivePodNetworkKeys,
  isCidr,
  listOfValues,
  maxInterfaceNameLength,
  maxSecurityGroups,
  podNetworksKey,
  podNetworksRequestKey,
  releaseAfterMessage,
  releaseAfterProblem,
  releaseStrategies,
  vSwitchSelectionPolicies,
} from '../support/podNetworking';
import {
  checkJsonShape,
  describeSyntaxError,
  jsonProperty,
  jsonTypeName,
  parseScalarJson,
  type JsonNode,
  type JsonShape,
  type ShapeProblems,
} from '../support/scalarJson';

const denied = both("Terway's webhook denies the pod", 'Terway 的 Webhook 会拒绝创建该 Pod');

const stringShape: JsonShape = { type: 'string' };
const booleanShape: JsonShape = { type: 'boolean' };
const stringsShape: JsonShape = { type: 'array', items: stringShape };
const routesShape: JsonShape = { type: 'array', items: { type: 'object', fields: { dst: stringShape } } };

/** `[{"interfaceName", "network", "defaultRoute"?, "routes"?}]` [src-9][src-10]. */
const requestShape: JsonShape = {
  type: 'array',
  items: { type: 'object', fields: { interfaceName: stringShape, network: stringShape, defaultRoute: booleanShape, routes: routesShape } },
};

/** `{"podNetworks": [...]}`, the controlplane's PodNetworks struct [src-9]. */
const podNetworksShape: JsonShape = {
  type: 'object',
  fields: {
    podNetworks: {
      type: 'array',
      items: {
        type: 'object',
        fields: {
          interface: stringShape,
          vSwitchOptions: stringsShape,
          securityGroupIDs: stringsShape,
          eniOptions: { type: 'object', fields: { eniType: stringShape } },
          vSwitchSelectOptions: { type: 'object', fields: { vSwitchSelectionPolicy: stringShape } },
          allocationType: { type: 'object', fields: { type: stringShape, releaseStrategy: stringShape, releaseAfter: stringShape } },
          extraRoutes: routesShape,
          defaultRoute: booleanShape,
          resourceGroupID: stringShape,
          networkInterfaceTrafficMode: stringShape,
        },
      },
    },
  },
};

interface AnnotationKind {
  /** Short name used as the root of JSON paths in messages. */
  name: string;
  shape: JsonShape;
  example: Localized;
  checkValues(check: ValueCheck, root: JsonNode): void;
}

/** One annotation value being checked: where to report and which pod it belongs to. */
interface ValueCheck {
  template: PodTemplate;
  report(node: JsonNode, message: Localized, severity?: Severity): void;
  /** Reports the source from the start of `first` to the end of `last`. */
  reportNodes(first: JsonNode, last: JsonNode, message: Localized): void;
}

const annotationKinds: Record<string, AnnotationKind> = {
  [podNetworksRequestKey]: {
    name: 'pod-networks-request',
    shape: requestShape,
    example: both(
      'a JSON array such as [{"interfaceName": "eth1", "network": "my-podnetworking"}]',
      '形如 [{"interfaceName": "eth1", "network": "my-podnetworking"}] 的 JSON 数组',
    ),
    checkValues: checkRequests,
  },
  [podNetworksKey]: {
    name: 'pod-networks',
    shape: podNetworksShape,
    example: both(
      'a JSON object such as {"podNetworks": [{"interface": "eth0", "vSwitchOptions": ["vsw-…"], "securityGroupIDs": ["sg-…"]}]}',
      '形如 {"podNetworks": [{"interface": "eth0", "vSwitchOptions": ["vsw-…"], "securityGroupIDs": ["sg-…"]}]} 的 JSON 对象',
    ),
    checkValues: checkPodNetworks,
  },
};

function elements(node: JsonNode | undefined): JsonNode[] {
  return node?.type === 'array' ? node.children ?? [] : [];
}

interface JsonString {
  value: string;
  node: JsonNode;
}

/** The string value of `key` in an object node; undefined when absent or not a string. */
function jsonString(node: JsonNode | undefined, key: string): JsonString | undefined {
  const valueNode = jsonProperty(node, key)?.valueNode;
  return valueNode?.type === 'string' ? { value: String(valueNode.value), node: valueNode } : undefined;
}

/** True when `key` holds something other than a string or null: the shape check has reported it already. */
function hasWrongType(node: JsonNode, key: string): boolean {
  const type = jsonProperty(node, key)?.valueNode?.type;
  return type !== undefined && type !== 'string' && type !== 'null';
}

function checkRequests(check: ValueCheck, root: JsonNode): void {
  const names = new Set<string>();
  elements(root).forEach((request, index) => {
    if (request.type !== 'object') return;
    const path = `pod-networks-request[${index}]`;
    checkInterfaceName(check, request, 'interfaceName', path, names);
    checkNetworkName(check, request, path);
    checkRoutes(check, jsonProperty(request, 'routes')?.valueNode, `${path}.routes`);
  });
}

function checkPodNetworks(check: ValueCheck, root: JsonNode): void {
  const list = jsonProperty(root, 'podNetworks');
  if (root.type === 'object' && !list) {
    check.report(
      root,
      both(
        'pod-networks has no "podNetworks" list: Terway reads it as empty and ignores the annotation.',
        'pod-networks 中没有 "podNetworks" 列表：Terway 会把它当作空配置并忽略该注解。',
      ),
      'warning',
    );
  }
  const names = new Set<string>();
  elements(list?.valueNode).forEach((network, index) => {
    if (network.type !== 'object') return;
    const path = `pod-networks.podNetworks[${index}]`;
    checkInterfaceName(check, network, 'interface', path, names);
    checkSecurityGroupCount(check, jsonProperty(network, 'securityGroupIDs')?.valueNode, path);
    checkEnum(check, jsonString(jsonProperty(network, 'eniOptions')?.valueNode, 'eniType'), 'eniType', eniTypes);
    const selectOptions = jsonProperty(network, 'vSwitchSelectOptions')?.valueNode;
    checkEnum(check, jsonString(selectOptions, 'vSwitchSelectionPolicy'), 'vSwitchSelectionPolicy', vSwitchSelectionPolicies);
    checkAllocation(check, jsonProperty(network, 'allocationType')?.valueNode);
    checkRoutes(check, jsonProperty(network, 'extraRoutes')?.valueNode, `${path}.extraRoutes`);
  });
}

/** Interface names: 1–5 bytes (Go's len) and unique within the pod [src-9]. */
function checkInterfaceName(check: ValueCheck, entry: JsonNode, field: string, path: string, seen: Set<string>): void {
  if (hasWrongType(entry, field)) return;
  const name = jsonString(entry, field);
  if (!name) {
    check.report(
      entry,
      both(
        `${path} has no "${field}": ${denied.en} (every interface needs a name of 1 to ${maxInterfaceNameLength} characters).`,
        `${path} 缺少 "${field}"：${denied.zh}（每个网卡都需要 1 到 ${maxInterfaceNameLength} 个字符的名称）。`,
      ),
    );
    return;
  }
  const length = Buffer.byteLength(name.value, 'utf8');
  if (length < 1 || length > maxInterfaceNameLength) {
    check.report(
      name.node,
      both(
        `Interface name "${name.value}" has ${length} characters: ${denied.en} (1 to ${maxInterfaceNameLength} allowed).`,
        `网卡名 "${name.value}" 有 ${length} 个字符：${denied.zh}（只允许 1 到 ${maxInterfaceNameLength} 个字符）。`,
      ),
    );
  } else if (seen.has(name.value)) {
    check.report(
      name.node,
      both(`Interface name "${name.value}" is used twice in this pod: ${denied.en}.`, `网卡名 "${name.value}" 在该 Pod 中重复出现：${denied.zh}。`),
    );
  }
  seen.add(name.value);
}

function checkNetworkName(check: ValueCheck, request: JsonNode, path: string): void {
  if (hasWrongType(request, 'network')) return;
  const network = jsonString(request, 'network');
  if (network && network.value !== '') return;
  check.report(
    network?.node ?? request,
    both(
      `${path} names no PodNetworking in "network": Terway cannot attach this interface.`,
      `${path} 未在 "network" 中指定 PodNetworking：Terway 无法挂载这个网卡。`,
    ),
  );
}

function checkRoutes(check: ValueCheck, list: JsonNode | undefined, path: string): void {
  elements(list).forEach((route, index) => {
    if (route.type !== 'object') return;
    if (hasWrongType(route, 'dst')) return;
    const dst = jsonString(route, 'dst');
    if (!dst) {
      check.report(route, both(`${path}[${index}] has no "dst": Terway cannot add this route.`, `${path}[${index}] 缺少 "dst"：Terway 无法添加这条路由。`));
    } else if (!isCidr(dst.value)) {
      check.report(
        dst.node,
        both(
          `Route destination "${dst.value}" is not a CIDR such as 10.0.0.0/8: Terway cannot add this route.`,
          `路由目标 "${dst.value}" 不是合法的 CIDR（例如 10.0.0.0/8）：Terway 无法添加这条路由。`,
        ),
      );
    }
  });
}

function checkSecurityGroupCount(check: ValueCheck, list: JsonNode | undefined, path: string): void {
  const groups = elements(list);
  if (groups.length <= maxSecurityGroups) return;
  // Mark the groups beyond the limit: they are what has to go.
  check.reportNodes(
    groups[maxSecurityGroups],
    groups[groups.length - 1],
    both(
      `${path} lists ${groups.length} security groups: ${denied.en} (at most ${maxSecurityGroups}).`,
      `${path} 配置了 ${groups.length} 个安全组：${denied.zh}（最多 ${maxSecurityGroups} 个）。`,
    ),
  );
}

function checkEnum(check: ValueCheck, found: JsonString | undefined, field: string, allowed: readonly string[]): void {
  if (!found || allowed.includes(found.value)) return;
  check.report(
    found.node,
    both(
      `"${found.value}" is not a valid ${field}: use ${listOfValues(allowed).en}.`,
      `"${found.value}" 不是合法的 ${field}：可选值为 ${listOfValues(allowed).zh}。`,
    ),
  );
}

/** Terway reads anything but `Fixed` as Elastic and anything but `Never` as TTL [src-9]. */
function checkAllocation(check: ValueCheck, allocation: JsonNode | undefined): void {
  const type = jsonString(allocation, 'type');
  const strategy = jsonString(allocation, 'releaseStrategy');
  const releaseAfter = jsonString(allocation, 'releaseAfter');
  if (type && !allocationTypes.includes(type.value)) {
    check.report(
      type.node,
      both(
        `"${type.value}" is not an allocation type (Elastic or Fixed): Terway treats anything but Fixed as Elastic, so the pod's IP is not kept.`,
        `"${type.value}" 不是合法的分配类型（Elastic 或 Fixed）：除 Fixed 以外的取值都会被 Terway 当作 Elastic，Pod 的 IP 不会保留。`,
      ),
    );
  }
  if (strategy && !releaseStrategies.includes(strategy.value)) {
    check.report(
      strategy.node,
      both(
        `"${strategy.value}" is not a release strategy (TTL or Never): Terway treats anything but Never as TTL and releases the IP after releaseAfter.`,
        `"${strategy.value}" 不是合法的释放策略（TTL 或 Never）：除 Never 以外的取值都会被 Terway 当作 TTL，IP 会在 releaseAfter 之后释放。`,
      ),
    );
  }
  if (type?.value === 'Fixed') checkFixedOwner(check, type.node);
  const problem = releaseAfter && releaseAfterProblem(type?.value, strategy?.value, releaseAfter.value);
  if (releaseAfter && problem) {
    check.report(releaseAfter.node, releaseAfterMessage(problem, releaseAfter.value, denied), problem.kind === 'below-minimum' ? 'warning' : undefined);
  }
}

const builtInGroups = new Set(['', 'apps', 'batch']);

/** Fixed IPs only for fixed-name pods: a StatefulSet's, a bare Pod, or kinds listed in eni-config [src-9]. */
function checkFixedOwner(check: ValueCheck, node: JsonNode): void {
  const { template } = check;
  if (template.fixedName) return;
  const kind = template.owner.kind;
  if (builtInGroups.has(template.owner.group)) {
    check.report(
      node,
      both(
        `Fixed IP allocation needs pods with a stable name (a StatefulSet's or a bare Pod): Terway's webhook denies the pods of this ${kind}.`,
        `固定 IP 分配只适用于名称固定的 Pod（StatefulSet 的 Pod 或独立 Pod）：Terway 的 Webhook 会拒绝创建该 ${kind} 的 Pod。`,
      ),
    );
    return;
  }
  check.report(
    node,
    both(
      `Fixed IP allocation needs pods with a stable name: Terway's webhook denies the pods of this ${kind} unless ${kind} is listed in custom_stateful_workload_kinds of eni-config.`,
      `固定 IP 分配只适用于名称固定的 Pod：除非在 eni-config 的 custom_stateful_workload_kinds 中加入了 ${kind}，否则 Terway 的 Webhook 会拒绝创建该 ${kind} 的 Pod。`,
    ),
    'warning',
  );
}

function shapeProblems(check: ValueCheck): ShapeProblems {
  return {
    wrongType(node, expected, path) {
      const want = jsonTypeName(expected);
      const got = jsonTypeName(node.type);
      check.report(node, both(`${path} must be ${want.en}, not ${got.en}: ${denied.en}.`, `${path} 应为${want.zh}，而不是${got.zh}：${denied.zh}。`));
    },
    unknownField(property, known, path) {
      const guess = closest(property.key, known);
      check.report(
        property.keyNode,
        guess
          ? both(`Unknown field "${property.key}" in ${path}; did you mean "${guess}"?`, `${path} 中有未知字段 "${property.key}"，是否应为 "${guess}"？`)
          : both(`Unknown field "${property.key}" in ${path}: Terway does not read it.`, `${path} 中有未知字段 "${property.key}"：Terway 不会读取它。`),
        'warning',
      );
    },
  };
}

/**
 * Problems reported per annotation value, at most: Terway denies the pod on the first, and a
 * generated value of 120,000 interfaces named alike made 240,000 findings on one line (seconds
 * and hundreds of MB in the editor, for nothing a reader could act on).
 */
export const maxProblemsPerValue = 100;

/** Checks one annotation value: JSON syntax first (nothing else is read after a syntax error), then shape, then values. */
function checkAnnotationValue(sourceText: string, template: PodTemplate, entry: Entry, scalar: Scalar & { value: string }, report: (r: Report) => void): void {
  const kind = annotationKinds[entry.key];
  const [start, end] = scalar.range!;
  if (scalar.value.trim() === '') {
    report({
      start,
      end,
      message: both(`${entry.key} is empty: ${denied.en}. Write ${kind.example.en}.`, `${entry.key} 的值为空：${denied.zh}。请填写${kind.example.zh}。`),
    });
    return;
  }
  const json = parseScalarJson(sourceText, scalar);
  if (json.error || !json.root) {
    const [errorStart, errorEnd] = json.errorSpan ?? [start, end];
    const reason = json.error ? describeSyntaxError(json.error) : both('invalid JSON', 'JSON 格式错误');
    report({
      start: errorStart,
      end: errorEnd,
      message: both(`${entry.key} is not valid JSON (${reason.en}): ${denied.en}.`, `${entry.key} 不是合法的 JSON（${reason.zh}）：${denied.zh}。`),
    });
    return;
  }
  let reported = 0;
  const reportCapped = (r: Report) => {
    if (reported++ < maxProblemsPerValue) report(r);
  };
  const check: ValueCheck = {
    template,
    report(node, message, severity) {
      const [from, to] = json.span(node);
      reportCapped({ start: from, end: to, message, ...(severity ? { severity } : {}) });
    },
    reportNodes(first, last, message) {
      reportCapped({ start: json.span(first)[0], end: json.span(last)[1], message });
    },
  };
  checkJsonShape(json.root, kind.shape, kind.name, shapeProblems(check));
  kind.checkValues(check, json.root);
}

/** The webhook admits at most one of pod-networks, pod-networks-request, pod-networking [src-9]. */
function reportConflicts(annotations: Entry[], report: (r: Report) => void): void {
  const present = annotations.filter((e) => exclusivePodNetworkKeys.includes(e.key));
  for (const later of present.slice(1)) {
    const first = present[0].key;
    report({
      start: later.keyNode.range![0],
      end: later.keyNode.range![1],
      message: both(
        `${later.key} cannot be combined with ${first}: Terway's webhook denies a pod that carries more than one of pod-networks, pod-networks-request and pod-networking.`,
        `${later.key} 不能与 ${first} 同时使用：Pod 同时带有 pod-networks、pod-networks-request、pod-networking 中的多个注解时，Terway 的 Webhook 会拒绝创建该 Pod。`,
      ),
    });
  }
}

export const podNetworksInvalid: Rule = {
  id: 'pod-networks-invalid',
  title: both('Multi-NIC pod annotation that Terway rejects', 'Terway 会拒绝的多网卡 Pod 注解'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both(
    'Every CNI: the values are checked the way terway-controlplane (Terway with trunk or exclusive ENIs) reads them, and a wrong value is wrong on any cluster.',
    '所有 CNI：按照 terway-controlplane（开启 Trunk 或独占 ENI 的 Terway）解析这些注解的方式检查取值，错误的取值在任何集群中都是错误。',
  ),
  needsProfile: false,
  remediation: both(
    'Keep one multi-NIC annotation per pod and write its JSON exactly as Terway expects: interface names of 1 to 5 characters, at most 10 security groups, valid enum values and durations.',
    '每个 Pod 只保留一个多网卡注解，并严格按照 Terway 的格式书写 JSON：网卡名 1 到 5 个字符、安全组不超过 10 个、枚举值与时长合法。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'Checks the multi-NIC pod annotations `k8s.aliyun.com/pod-networks-request` (a JSON array of `{"interfaceName", "network", "defaultRoute", "routes"}`) and `k8s.aliyun.com/pod-networks` (a JSON object `{"podNetworks": [...]}` with interface, vSwitches, security groups, ENI type and IP allocation) on pod templates: JSON syntax, field types, unknown fields, interface names (1 to 5 characters, unique in the pod), `network` names, route CIDRs, the 10-security-group limit, enum values, `releaseAfter` durations and `Fixed` allocation on pods without a stable name. It also flags a pod that carries more than one of `pod-networks`, `pod-networks-request` and `pod-networking`.',
      why: "terway-controlplane's admission webhook parses these values when the pod is created. A syntax error, a wrong type, an interface name of six characters, a duplicate interface, more than 10 security groups, `Fixed` on a Deployment's pods or two of the annotations together make the webhook deny the pod, so the workload never starts and the only trace is a failed-create event on the ReplicaSet. Some slips are not even denied: `\"type\": \"fixed\"` is read as Elastic and the pod silently loses its fixed IP.",
      fix: 'Correct the JSON node that the finding marks (the range points inside the annotation value). Prefer `pod-networks-request` referring to PodNetworking objects by name over hand-written `pod-networks`. Use `Fixed` only for StatefulSet pods or bare Pods, keep `releaseAfter` a Go duration such as `30m` (at least 5 minutes) with `TTL`, and leave it out with `Never`.',
    },
    zh: {
      what: '检查 Pod 模板上的多网卡注解：`k8s.aliyun.com/pod-networks-request`（由 `{"interfaceName", "network", "defaultRoute", "routes"}` 组成的 JSON 数组）和 `k8s.aliyun.com/pod-networks`（形如 `{"podNetworks": [...]}` 的 JSON 对象，包含网卡名、交换机、安全组、ENI 类型和 IP 分配方式）。检查内容包括 JSON 语法、字段类型、未知字段、网卡名（1 到 5 个字符且在 Pod 内唯一）、`network` 名称、路由 CIDR、最多 10 个安全组、枚举值、`releaseAfter` 时长，以及在名称不固定的 Pod 上使用 `Fixed`。同一个 Pod 同时带有 `pod-networks`、`pod-networks-request`、`pod-networking` 中的多个注解时也会报告。',
      why: '创建 Pod 时，terway-controlplane 的准入 Webhook 会解析这些注解。JSON 语法错误、字段类型不对、网卡名超过 5 个字符、网卡名重复、安全组超过 10 个、在 Deployment 的 Pod 上使用 `Fixed`，或者同时写了多个此类注解，都会导致 Webhook 拒绝创建 Pod：负载始终起不来，只能在 ReplicaSet 的事件里看到创建失败。有些错误甚至不会被拒绝：`"type": "fixed"` 会被当作 Elastic，Pod 悄无声息地失去了固定 IP。',
      fix: '按提示定位到具体的 JSON 节点并修正。优先使用 `pod-networks-request` 按名称引用 PodNetworking，而不是手写 `pod-networks`。`Fixed` 只用于 StatefulSet 的 Pod 或独立 Pod；使用 `TTL` 时 `releaseAfter` 应为 `30m` 这样的 Go 时长（不少于 5 分钟），使用 `Never` 时不要填写 `releaseAfter`。',
    },
    example: {
      bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n      annotations:\n        k8s.aliyun.com/pod-networks-request: \'[{"interfaceName": "eth-data", "network": "data"}]\'\n    spec:\n      containers:\n      - name: app\n        image: nginx\n',
      good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n      annotations:\n        k8s.aliyun.com/pod-networks-request: \'[{"interfaceName": "eth1", "network": "data"}]\'\n    spec:\n      containers:\n      - name: app\n        image: nginx\n',
    },
    facts: ['1.1', '1.3', '1.4'],
    sources: ['src-8', 'src-9', 'src-10'],
  },
  checkObject(_object, { text: sourceText, doc, podTemplates, report }) {
    for (const template of podTemplates) {
      const annotations = podAnnotations(template);
      reportConflicts(annotations, report);
      for (const entry of annotations) {
        if (!Object.hasOwn(annotationKinds, entry.key)) continue;
        const scalar = asScalar(entry.valueNode, doc);
        if (scalar && typeof scalar.value === 'string') {
          checkAnnotationValue(sourceText, template, entry, scalar as Scalar & { value: string }, report);
        }
      }
    }
  },
};
