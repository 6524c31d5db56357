/**
 * The recommendation: the cloud option under which the fewest places break (then the fewest are
 * ignored; ties go to the earlier option, Terway shared ENI first, as the comparison advises Terway
 * for most workloads), weighed with the comparison facts that no manifest shows — node scale,
 * where pod IPs come from, which source IP pods have. Facts cite the project's CNI fact sheet
 * (cni-facts.md) by section and the seed comparison pages by name.
 */
import { both, groupedNumber, pick, type Locale, type Localized } from '../l10n';
import { nodeQuotas } from '../rules/cluster/node-quota';
import { optionDefinitions } from './options';
import type { FeatureUse, OptionId, OptionVerdict, Recommendation, RuleTally } from './model';

const seed003 = 'seed 003_318b986b81d78877.txt';
const seed002 = 'seed 002_0b33e3565ad54708.txt';
const placesOf = (tallies: readonly RuleTally[]) => tallies.reduce((sum, tally) => sum + tally.places.length, 0);

const quotas = nodeQuotas.pro;
const scale = both(
  `Node scale: on ACK Pro, Terway takes ${groupedNumber(quotas.terway.default)} nodes by default and up to ${groupedNumber(quotas.terway.max)}; Flannel ${groupedNumber(quotas.flannel.default)} by default and up to ${groupedNumber(quotas.flannel.max)}, since every node needs a VPC route entry; the node capacity of a Flannel pod CIDR is fixed at creation (cni-facts §3.1, §3.2, §7; ${seed003}).`,
  `节点规模：ACK Pro 版中 Terway 默认 ${groupedNumber(quotas.terway.default)} 个节点，最多 ${groupedNumber(quotas.terway.max)} 个；Flannel 默认 ${groupedNumber(quotas.flannel.default)} 个，最多 ${groupedNumber(quotas.flannel.max)} 个，因为每个节点占用一条 VPC 路由；Flannel Pod 网段能容纳的节点数在创建时即已确定（cni-facts §3.1、§3.2、§7；${seed003}）。`,
);
const podIps = both(
  `Pod IPs: Terway pods take VPC addresses from the pod vSwitches — plan a VPC large enough for pods and nodes, and grow by adding pod vSwitches; Flannel pods take addresses from a pod CIDR apart from the VPC, split evenly per node and never expanded (cni-facts §3.1, §7; ${seed003}).`,
  `Pod IP：Terway 的 Pod 从 Pod 交换机获得 VPC 地址，需要为 Pod 和节点规划足够大的 VPC，可通过增加 Pod 交换机扩容；Flannel 的 Pod 从独立于 VPC 的 Pod 网段获得地址，按节点平均划分且无法扩容（cni-facts §3.1、§7；${seed003}）。`,
);
const sourceIp = both(
  `Source IP: Terway pods reach VPC services (databases, allow-lists, security groups) with their own IP; Flannel pods show the node's IP (cni-facts §7; ${seed003}).`,
  `源 IP：Terway 的 Pod 以自己的 IP 访问 VPC 内的服务（数据库、白名单、安全组）；Flannel 的 Pod 对外显示为节点 IP（cni-facts §7；${seed003}）。`,
);
const fixedChoice = both(
  `The CNI is chosen when the cluster is created and cannot be changed later (cni-facts §2.4; ${seed003}).`,
  `CNI 在创建集群时选定，之后无法更改（cni-facts §2.4；${seed003}）。`,
);
const datapathV2Too = both(
  `DataPath V2 fits as well: with eBPF, pods bypass the node's network stack for lower latency; it needs kernel 5.10 or later from Terway v1.14.0 and keeps connection tracking in an LRU eBPF map (cni-facts §2.1; ${seed003}).`,
  `DataPath V2 同样适用：借助 eBPF，Pod 流量绕过节点网络协议栈，延迟更低；Terway v1.14.0 起要求内核 5.10 及以上，连接跟踪保存在 LRU 淘汰的 eBPF map 中（cni-facts §2.1；${seed003}）。`,
);
const exclusiveToo = both(
  `Exclusive ENI fits as well: each pod gets its own ENI (the highest performance), but a node holds only ENIs − 1 pods — 7 on ecs.c7.4xlarge against 210 in shared mode (cni-facts §2.1, §6; ${seed003}).`,
  `独占 ENI 同样适用：每个 Pod 独占一块 ENI（性能最高），但单节点只能运行 ENI 数 − 1 个 Pod：ecs.c7.4xlarge 上为 7 个，共享模式下为 210 个（cni-facts §2.1、§6；${seed003}）。`,
);
const flannelToo = both(
  `Flannel runs these manifests too; the comparison advises it only for small clusters with simple networking needs (${seed003}).`,
  `Flannel 同样可以运行这些清单；对比文档只建议在规模小、网络需求简单的集群中使用它（${seed003}）。`,
);

function loadBalancers(services: number, eniBackends: number): Localized {
  return both(
    `Load balancers: ${services} LoadBalancer Service(s), ${eniBackends} with pods as backends; on Terway the load balancer can attach pods directly and sessions survive pod changes, on Flannel traffic goes through NodePort and is interrupted when pods change (cni-facts §1.2, §7; ${seed003}).`,
    `负载均衡：${services} 个 LoadBalancer Service，其中 ${eniBackends} 个以 Pod 作为后端；Terway 下负载均衡可以直接挂载 Pod，后端 Pod 变化时会话保持；Flannel 下流量经 NodePort 转发，Pod 变化时流量会中断（cni-facts §1.2、§7；${seed003}）。`,
  );
}

function terwayEdge(unjudged: number): Localized {
  return both(
    `Terway Edge is for ACK Edge clusters (data centres, ENS, edge nodes): underlay networking about 20% faster than Flannel's VXLAN, with pod IPs reachable directly; traffic across LANs needs a leased line to the VPC and BGP-capable vSwitches (cni-facts §4; ${seed002}).${unjudged > 0 ? ` The fact sheet does not cover ${unjudged} of the features used here on Terway Edge, so the linter cannot judge them there.` : ''}`,
    `Terway Edge 用于 ACK Edge 集群（数据中心、ENS、边缘节点）：Underlay 网络，比 Flannel 的 VXLAN 快约 20%，Pod IP 可直接访问；跨局域网通信需要连到 VPC 的专线和支持 BGP 的交换机（cni-facts §4；${seed002}）。${unjudged > 0 ? `事实清单没有涉及此处用到的 ${unjudged} 项功能在 Terway Edge 上的表现，因此无法判断。` : ''}`,
  );
}

/** "Flannel: 210 places would break (network-policy-unsupported 123, …) and 6 would be ignored or degraded." */
function otherOption(verdict: OptionVerdict): Localized {
  const rules = verdict.breaks.map((tally) => `${tally.rule} ${tally.places.length}`).join(', ');
  const broken = placesOf(verdict.breaks);
  const ignored = placesOf(verdict.ignored);
  if (broken === 0) {
    return both(
      `${verdict.title}: nothing breaks; ${ignored} place(s) would be ignored or degraded.`,
      `${verdict.title}：没有会失效的内容；${ignored} 处会被忽略或降级。`,
    );
  }
  return both(
    `${verdict.title}: ${broken} place(s) would break (${rules}) and ${ignored} would be ignored or degraded.`,
    `${verdict.title}：${broken} 处会失效（${rules}），${ignored} 处会被忽略或降级。`,
  );
}

/** Places that break under `best` and under every other cloud option too: no choice of CNI mends them. */
function breakingEverywhere(best: OptionVerdict, cloud: readonly OptionVerdict[]): number {
  const keys = (verdict: OptionVerdict) => new Set(verdict.breaks.flatMap((tally) => tally.places.map((p) => `${p.file}\0${p.line}\0${p.column}`)));
  const others = cloud.filter((verdict) => verdict !== best).map(keys);
  return [...keys(best)].filter((key) => others.every((set) => set.has(key))).length;
}

function headline(best: OptionVerdict, cloud: readonly OptionVerdict[]): Localized {
  const broken = placesOf(best.breaks);
  const ignored = placesOf(best.ignored);
  if (best.fit === 'fits') return both(`${best.title}: nothing in these manifests breaks or is ignored on it.`, `${best.title}：这些清单中没有任何内容会在其上失效或被忽略。`);
  if (broken === 0) {
    return both(
      `${best.title}: nothing breaks on it; ${ignored} place(s) are ignored or degraded (listed below).`,
      `${best.title}：没有会失效的内容；${ignored} 处会被忽略或降级（见下文）。`,
    );
  }
  const everywhere = breakingEverywhere(best, cloud);
  const note =
    everywhere > 0
      ? both(` ${everywhere} of them break on every ACK option, so no choice of CNI mends them.`, `其中 ${everywhere} 处在所有 ACK 方案上都会失效，选择哪种 CNI 都无法解决。`)
      : both('', '');
  return both(
    `${best.title}: the fewest problems of all options, yet ${broken} place(s) still break on it — fix them before you deploy.${note.en}`,
    `${best.title}：在所有方案中问题最少，但仍有 ${broken} 处会失效，部署前请先修复。${note.zh}`,
  );
}

export function recommend(options: readonly OptionVerdict[], features: readonly FeatureUse[], locale: Locale): Recommendation {
  const edgeOnly = new Set(optionDefinitions.filter((option) => option.edgeOnly).map((option) => option.id));
  const cloud = options.filter((verdict) => !edgeOnly.has(verdict.id));
  const rank = (verdict: OptionVerdict) => [placesOf(verdict.breaks), placesOf(verdict.ignored), cloud.indexOf(verdict)];
  const best = [...cloud].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  })[0];
  const fits = (id: OptionId) => cloud.some((verdict) => verdict.id === id && verdict !== best && verdict.breaks.length === 0);
  const alsoFits = cloud.filter((verdict) => verdict !== best && verdict.breaks.length === 0).map((verdict) => verdict.id);
  const used = (id: string) => features.find((feature) => feature.id === id)?.places.length ?? 0;
  const reasons: Localized[] = cloud.filter((verdict) => verdict !== best).map(otherOption);
  if (best.id.startsWith('terway') && fits('terway-datapathv2')) reasons.push(datapathV2Too);
  if (best.id.startsWith('terway') && fits('terway-exclusive')) reasons.push(exclusiveToo);
  if (best.id !== 'flannel' && fits('flannel')) reasons.push(flannelToo);
  reasons.push(scale, podIps, sourceIp);
  if (used('load-balancer') + used('eni-backend') > 0) reasons.push(loadBalancers(used('load-balancer'), used('eni-backend')));
  const edge = options.find((verdict) => edgeOnly.has(verdict.id));
  if (edge) reasons.push(terwayEdge(edge.unjudged.length));
  reasons.push(fixedChoice);
  return { option: best.id, alsoFits, summary: pick(headline(best, cloud), locale), reasons: reasons.map((reason) => pick(reason, locale)) };
}
