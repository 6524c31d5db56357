import { both } from '../../l10n';
import { isMap, type Document } from 'yaml';
import type { Report } from '../../engine/finding';
import type { FromResolution } from '../../profile/from';
import { readProfileDocument, type ProfileValues } from '../../profile/validate';
import { entry } from '../../yaml/nodes';
import type { Rule } from '../types';

function fromProblem(resolution: Extract<FromResolution, { ok: false }>, written: string) {
  switch (resolution.problem) {
    case 'outside':
      return both(`"from: ${written}" points outside the workspace: the linter does not read files there.`, `"from: ${written}" 指向工作区之外：不会读取那里的文件。`);
    case 'missing':
      return both(`"from: ${written}" does not exist or cannot be read.`, `"from: ${written}" 不存在或无法读取。`);
    case 'none':
      return both(
        `"from: ${written}" holds no ACK cluster configuration naming a CNI (a CreateCluster body, a Terraform cluster, eni-config or kube-flannel-cfg).`,
        `"from: ${written}" 中没有指明 CNI 的 ACK 集群配置（CreateCluster 请求体、Terraform 集群、eni-config 或 kube-flannel-cfg）。`,
      );
    case 'several':
      return both(
        `"from: ${written}" describes ${resolution.count} clusters: point at a file that describes one.`,
        `"from: ${written}" 描述了 ${resolution.count} 个集群：请指向只描述一个集群的文件。`,
      );
  }
}

/** `from:` that cannot be used, or a `cni:` that contradicts the configuration `from:` names. */
function reportFrom(doc: Document, values: ProfileValues, resolution: FromResolution, report: (r: Report) => void): void {
  const root = isMap(doc.contents) ? doc.contents : null;
  const fromNode = entry(root, 'from')?.valueNode;
  if (!fromNode?.range || typeof values.from !== 'string') return;
  if (!resolution.ok) {
    report({ start: fromNode.range[0], end: fromNode.range[1], message: fromProblem(resolution, values.from) });
    return;
  }
  const cniNode = entry(root, 'cni')?.valueNode;
  const planCni = resolution.plan.cni?.value;
  if (cniNode?.range && planCni && values.cni !== undefined && values.cni !== planCni) {
    report({
      start: cniNode.range[0],
      end: cniNode.range[1],
      message: both(
        `cni: ${values.cni} contradicts ${values.from}, which describes a ${planCni} cluster; the CNI cannot change after creation.`,
        `cni: ${values.cni} 与 ${values.from} 不一致（其中的集群使用 ${planCni}）；集群创建后无法更换 CNI。`,
      ),
    });
  }
}

export const profileInvalid: Rule = {
  id: 'profile-invalid',
  title: both('Invalid cluster profile', '集群配置文件无效'),
  scope: 'profile',
  defaultSeverity: 'error',
  appliesTo: both('`.ack-cni.yaml` files.', '`.ack-cni.yaml` 文件。'),
  needsProfile: false,
  remediation: both('Use only the documented keys of `.ack-cni.yaml`, each with a value of its type.', '`.ack-cni.yaml` 中只使用文档列出的键，并为每个键填写正确类型的值。'),
  fixable: true,
  docs: {
    en: {
      what: 'A key of `.ack-cni.yaml` is unknown, has a value of the wrong type (`networkPolicy: yes` instead of `true`), a value outside its list (`eniMode: share`), a rule id that does not exist under `rules:`, or `cni` is missing.',
      why: 'The profile tells every other rule which CNI and mode the cluster runs. A misspelt key is silently a default: a cluster with NetworkPolicy switched on would be linted as if it were off. Values that are wrong fall back to their defaults, and without a valid `cni` the CNI-dependent rules stay silent.',
      fix: 'Correct the key or value. Where the slip is clear (a misspelt key, a value in the wrong case), the quick fix puts the intended one.',
    },
    zh: {
      what: '`.ack-cni.yaml` 中出现了未知的键、类型错误的值（如 `networkPolicy: yes` 而非 `true`）、不在可选范围内的值（如 `eniMode: share`）、`rules:` 下不存在的规则 ID，或缺少 `cni`。',
      why: '该配置告诉其他所有规则集群使用的 CNI 及其模式。拼错的键会被当作默认值：一个开启了 NetworkPolicy 的集群会被当作未开启来检查。错误的值会回退为默认值；没有有效的 `cni` 时，依赖 CNI 的规则不会执行。',
      fix: '修正键或值。当意图明确（键拼写错误、大小写错误）时，快速修复会替换为正确的写法。',
    },
    example: {
      bad: 'cni: terway\nterway:\n  eniMode: share\n  networkpolicy: true\n',
      good: 'cni: terway\nterway:\n  eniMode: shared\n  networkPolicy: true\n',
    },
    facts: [],
    sources: [],
  },
  checkDocument({ text, document, ruleIds, profileFrom, report }) {
    if (document.index > 0) {
      report({
        start: document.start,
        end: Math.min(document.end, text.indexOf('\n', document.start) === -1 ? document.end : text.indexOf('\n', document.start)),
        message: both('A .ack-cni.yaml file holds one document; this one is ignored.', '.ack-cni.yaml 只能包含一个文档，此文档将被忽略。'),
      });
      return;
    }
    const content = readProfileDocument(text, document.doc, ruleIds);
    for (const problem of content.problems) report(problem);
    if (profileFrom) reportFrom(document.doc, content.values, profileFrom, report);
  },
};
