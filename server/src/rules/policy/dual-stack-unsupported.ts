import { isScalar, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { both, type Localized } from '../../l10n';
import type { Report } from '../../engine/finding';
import type { Profile } from '../../profile/types';
import { asMap, asScalar, asSeq, entry, stringValue } from '../../yaml/nodes';
import { editsFix, removeSeqItemEdit, replaceScalarFix } from '../../yaml/edits';
import type { Rule } from '../types';

/**
 * Why the cluster is single-stack, as the start of a message; undefined when it may be dual-stack
 * (Terway with `ipStack: dual`) or the fact sheet has no verdict (Terway Edge).
 */
function singleStack(profile: Profile): Localized | undefined {
  if (profile.cni === 'flannel') return both('ACK\'s Flannel has no dual stack', 'ACK 的 Flannel 不支持双栈');
  if (profile.cni === 'terway' && profile.terway.ipStack === 'ipv4') {
    return both('This Terway cluster is IPv4-only (terway.ipStack: ipv4)', '该 Terway 集群仅支持 IPv4（terway.ipStack: ipv4）');
  }
  return undefined;
}

/**
 * The finding on `ipFamilyPolicy`. `node` is the value as written: an alias (`*policy`) is flagged
 * where it stands but not rewritten, since its anchor may serve other places.
 */
function ipFamilyPolicyReport(text: string, node: Node, scalar: Scalar, reason: Localized): Report | undefined {
  const [start, end] = node.range!;
  const fix = isScalar(node) ? replaceScalarFix(text, scalar, 'SingleStack', both('Change to SingleStack', '改为 SingleStack')) : undefined;
  if (scalar.value === 'RequireDualStack') {
    return {
      start,
      end,
      message: both(`${reason.en}: the API server rejects RequireDualStack.`, `${reason.zh}：API Server 会拒绝 RequireDualStack。`),
      ...(fix ? { fix } : {}),
    };
  }
  if (scalar.value === 'PreferDualStack') {
    return {
      start,
      end,
      severity: 'warning',
      message: both(
        `${reason.en}: PreferDualStack silently falls back to a single IPv4 address.`,
        `${reason.zh}：PreferDualStack 会静默退回为仅分配一个 IPv4 地址。`,
      ),
      ...(fix ? { fix } : {}),
    };
  }
  return undefined;
}

/**
 * One report per `IPv6` item; the fix drops the item unless no other family is left (every item
 * is IPv6: fixing them all would leave an empty list) or it is an alias.
 */
function ipv6FamilyReports(text: string, families: YAMLSeq | null, doc: Document, reason: Localized): Report[] {
  const out: Report[] = [];
  const otherFamily = (families?.items ?? []).some((item) => stringValue(item, doc) !== 'IPv6');
  for (const item of families?.items ?? []) {
    if (stringValue(item, doc) !== 'IPv6') continue;
    const node = item as Node;
    const [start, end] = node.range!;
    const edit = isScalar(node) && otherFamily ? removeSeqItemEdit(text, families!, node) : null;
    out.push({
      start,
      end,
      message: both(`${reason.en}: the API server rejects the IPv6 family.`, `${reason.zh}：API Server 会拒绝 IPv6 地址族。`),
      ...(edit ? { fix: editsFix(both('Remove IPv6', '删除 IPv6'), [edit]) } : {}),
    });
  }
  return out;
}

function serviceReports(text: string, service: YAMLMap, doc: Document, reason: Localized): Report[] {
  const spec = asMap(entry(service, 'spec')?.valueNode, doc);
  const policyNode = entry(spec, 'ipFamilyPolicy')?.valueNode ?? null;
  const policy = asScalar(policyNode, doc);
  const policyReport = policyNode && policy ? ipFamilyPolicyReport(text, policyNode, policy, reason) : undefined;
  const families = asSeq(entry(spec, 'ipFamilies')?.valueNode, doc);
  return [...(policyReport ? [policyReport] : []), ...ipv6FamilyReports(text, families, doc, reason)];
}

export const dualStackUnsupported: Rule = {
  id: 'dual-stack-unsupported',
  title: both('Dual-stack Service on a single-stack cluster', '单栈集群中的双栈 Service'),
  scope: 'manifest',
  defaultSeverity: 'error',
  appliesTo: both('Flannel; Terway with `ipStack: ipv4` (the default).', 'Flannel；`ipStack: ipv4`（默认值）的 Terway。'),
  needsProfile: true,
  remediation: both(
    'Set `ipFamilyPolicy: SingleStack` and drop `IPv6` from `ipFamilies`, or deploy to a Terway cluster created with dual stack.',
    '请将 `ipFamilyPolicy` 设为 `SingleStack` 并从 `ipFamilies` 中删除 `IPv6`，或部署到创建时启用了双栈的 Terway 集群。',
  ),
  fixable: true,
  docs: {
    en: {
      what: 'A Service that asks for IPv6 or for dual stack (`ipFamilyPolicy: RequireDualStack` or `PreferDualStack`, or `IPv6` in `ipFamilies`) in a cluster that only has IPv4: every ACK Flannel cluster, and Terway clusters not created with dual stack.',
      why: 'The API server refuses `RequireDualStack` and the `IPv6` family when the cluster has no IPv6 Service range, so the deployment fails. `PreferDualStack` is accepted but quietly yields a single IPv4 address, which breaks clients that expect an IPv6 one. ACK\'s Flannel does not support dual stack at all; on Terway, dual stack (`ip_stack: dual`, Kubernetes 1.22 or later, a dual-stack VPC) can only be chosen when the cluster is created.',
      fix: 'For an IPv4 cluster, set `ipFamilyPolicy: SingleStack` and remove `IPv6` from `ipFamilies` — the quick fixes do both. If the Service really needs IPv6, deploy it to a Terway cluster created with dual stack and record `terway.ipStack: dual` in its `.ack-cni.yaml`.',
    },
    zh: {
      what: '在只有 IPv4 的集群中请求 IPv6 或双栈的 Service（`ipFamilyPolicy: RequireDualStack` 或 `PreferDualStack`，或 `ipFamilies` 中包含 `IPv6`）。ACK 的 Flannel 集群都属于这种情况，创建时未启用双栈的 Terway 集群也是。',
      why: '集群没有 IPv6 的 Service 网段时，API Server 会拒绝 `RequireDualStack` 和 `IPv6` 地址族，导致部署失败。`PreferDualStack` 虽然能创建成功，但只会分配一个 IPv4 地址，依赖 IPv6 地址的客户端会因此出错。ACK 的 Flannel 完全不支持双栈；Terway 的双栈（`ip_stack: dual`，要求 Kubernetes 1.22 及以上和双栈 VPC）只能在创建集群时开启。',
      fix: '对于 IPv4 集群，将 `ipFamilyPolicy` 设为 `SingleStack`，并从 `ipFamilies` 中删除 `IPv6`，快速修复可以完成这两步。如果 Service 确实需要 IPv6，请部署到创建时启用了双栈的 Terway 集群，并在其 `.ack-cni.yaml` 中记录 `terway.ipStack: dual`。',
    },
    example: {
      profile: 'cni: flannel\n',
      bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ipFamilyPolicy: RequireDualStack\n  ipFamilies:\n  - IPv4\n  - IPv6\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
      good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ipFamilyPolicy: SingleStack\n  ipFamilies:\n  - IPv4\n  selector:\n    app: web\n  ports:\n  - port: 80\n',
    },
    facts: ['2.1', '2.4', '3.1'],
    sources: ['src-21', 'src-28', 'seed-003'],
  },
  checkObject(object, { profile, text, report }) {
    if (!profile || object.group !== '' || object.kind !== 'Service') return;
    const reason = singleStack(profile);
    if (!reason) return;
    for (const found of serviceReports(text, object.node, object.doc, reason)) report(found);
  },
};
