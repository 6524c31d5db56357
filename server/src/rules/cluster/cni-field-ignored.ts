import { isMap, type YAMLMap } from 'yaml';
import { both } from '../../l10n';
import type { Fix, TextEdit } from '../../engine/finding';
import type { CniSpecificField, Located } from '../../cluster/plan';
import { entries } from '../../yaml/nodes';
import { removePairEdit } from '../../yaml/edits';
import { iterateYamlDocuments } from '../../yaml/parse';
import type { Rule } from '../types';
import { cniNames, cniOf } from './common';

/**
 * Removing a field of `.ack-cni.yaml` whose key starts at `keyStart`: the entry's lines, or the
 * whole section when the field is its only entry (no `flannel: {}` left behind) or when every
 * entry of the section is reported (`flagged`): removing them one by one would leave `terway:`
 * with no value, which the profile does not accept. Null when the entry shares its lines with
 * other content.
 */
function profileRemoval(text: string, keyStart: number, flagged: ReadonlySet<number>): { edit: TextEdit | null; section?: string } {
  const first = iterateYamlDocuments(text).next();
  if (first.done) return { edit: null };
  const root = first.value.doc.contents;
  if (!isMap(root)) return { edit: null };
  const find = (map: YAMLMap) => entries(map).find((e) => e.keyNode.range?.[0] === keyStart);
  const top = find(root);
  if (top) return { edit: removePairEdit(text, root, top.pair) };
  for (const section of entries(root)) {
    if (!isMap(section.valueNode)) continue;
    const field = find(section.valueNode);
    if (!field) continue;
    const fields = entries(section.valueNode);
    if (fields.length > 1 && fields.every((e) => flagged.has(e.keyNode.range?.[0] ?? -1))) {
      return { edit: removePairEdit(text, root, section.pair), section: section.key };
    }
    if (section.valueNode.items.length === 1 && !section.valueNode.flow) return { edit: removePairEdit(text, root, section.pair) };
    return { edit: removePairEdit(text, section.valueNode, field.pair) };
  }
  return { edit: null };
}

function removalFix(text: string, format: string, field: Located<CniSpecificField>, flagged: ReadonlySet<number>): Fix | undefined {
  if (format !== 'profile') return undefined;
  const { edit, section } = profileRemoval(text, field.start, flagged);
  if (!edit) return undefined;
  const title = section ? both(`Remove the ${section} section`, `删除 ${section} 部分`) : both(`Remove ${field.value.name}`, `删除 ${field.value.name}`);
  return { title, changes: [{ file: null, edits: [edit] }] };
}

export const cniFieldIgnored: Rule = {
  id: 'cni-field-ignored',
  title: both('Field the cluster\'s CNI ignores', '集群 CNI 会忽略的字段'),
  scope: 'cluster',
  defaultSeverity: 'warning',
  appliesTo: both(
    'Terway plans with Flannel-only fields (pod CIDR, node CIDR mask, `flannel:` settings) and Flannel plans with Terway-only fields (pod vSwitches, `terway:` settings). Terway Edge, which combines both, is not checked.',
    '包含 Flannel 专用字段（Pod 网段、节点掩码、`flannel:` 设置）的 Terway 规划，以及包含 Terway 专用字段（Pod 虚拟交换机、`terway:` 设置）的 Flannel 规划。同时使用两者的 Terway Edge 不检查。',
  ),
  needsProfile: true,
  remediation: both(
    'Remove the fields the cluster\'s CNI does not read, so that the plan says only what the cluster will do.',
    '请删除集群 CNI 不读取的字段，让规划只描述集群实际的行为。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'A field that only the other CNI reads: `pod_cidr`/`container_cidr` and `node_cidr_mask` are Flannel\'s, `pod_vswitch_ids` is Terway\'s; in `.ack-cni.yaml`, `cluster.podCidr`, `cluster.nodeCidrMask` and the `flannel:` section are Flannel\'s and the `terway:` section is Terway\'s.',
      why: 'The cluster ignores the value, yet readers (and other tools) take it for part of the cluster\'s design: a pod CIDR in a Terway plan suggests pods get addresses from it when they really take VPC addresses from the pod vSwitches, and a `terway:` section in a Flannel profile suggests NetworkPolicy or bandwidth settings the cluster does not have. The CNI cannot be changed after creation.',
      fix: 'Delete the field. In `.ack-cni.yaml` the quick fix removes it (and its whole section when it is the only entry there, or when the cluster ignores every entry of the section, such as a `terway:` section in a Flannel profile); in cluster configuration files remove it by hand, since other tools may still read those files.',
    },
    zh: {
      what: '只有另一种 CNI 才读取的字段：`pod_cidr`/`container_cidr` 与 `node_cidr_mask` 属于 Flannel，`pod_vswitch_ids` 属于 Terway；在 `.ack-cni.yaml` 中，`cluster.podCidr`、`cluster.nodeCidrMask` 与 `flannel:` 部分属于 Flannel，`terway:` 部分属于 Terway。',
      why: '集群会忽略这个值，但阅读者（以及其他工具）会把它当成集群设计的一部分：Terway 规划中的 Pod 网段让人以为 Pod 从中取地址，实际上 Pod 使用 Pod 虚拟交换机中的 VPC 地址；Flannel 配置中的 `terway:` 部分让人以为集群有 NetworkPolicy 或限速设置，而实际上没有。CNI 在创建后无法更改。',
      fix: '删除该字段。在 `.ack-cni.yaml` 中快速修复会删除它（如果它是所在部分的唯一条目，或者集群会忽略该部分的所有条目，例如 Flannel 配置中的 `terway:` 部分，则删除整个部分）；在集群配置文件中请手动删除，因为其他工具可能还会读取这些文件。',
    },
    example: {
      bad: 'cni: terway\nflannel:\n  bandwidth: true\ncluster:\n  podCidr: 172.20.0.0/16\n  serviceCidr: 172.21.0.0/20\n',
      good: 'cni: terway\ncluster:\n  serviceCidr: 172.21.0.0/20\n',
    },
    facts: ['2.4', '7'],
    sources: ['src-21', 'src-22'],
  },
  checkPlan({ text, plan, report }) {
    const cni = cniOf(plan);
    if (cni !== 'terway' && cni !== 'flannel') return;
    const other = cni === 'terway' ? 'flannel' : 'terway';
    const flagged = new Set(plan.cniSpecificFields.filter((f) => f.value.belongsTo === other).map((f) => f.start));
    for (const field of plan.cniSpecificFields) {
      if (field.value.belongsTo !== other) continue;
      const [mine, theirs] = [cniNames[cni], cniNames[other]];
      report({
        start: field.start,
        end: field.end,
        message: both(
          `${field.value.name} is read only by ${theirs.en}: this ${mine.en} cluster ignores it.`,
          `${field.value.name} 只有 ${theirs.zh} 才读取：该 ${mine.zh} 集群会忽略它。`,
        ),
        fix: removalFix(text, plan.format, field, flagged),
      });
    }
  },
};
