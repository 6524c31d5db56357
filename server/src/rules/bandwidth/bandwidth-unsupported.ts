import { both, type Localized } from '../../l10n';
import type { Fix, Severity } from '../../engine/finding';
import { podAnnotationMap } from '../../k8s/metadata';
import type { PodTemplate } from '../../k8s/podTemplates';
import { profileValueFix } from '../../profile/edit';
import type { Profile } from '../../profile/types';
import { type Direction, bandwidthAnnotations, kubernetesBandwidthKeys } from '../support/bandwidth';
import { compareVersions } from '../support/describe';
import { podNetworksKeys } from '../support/pods';
import type { Rule } from '../types';

/** What the cluster does with one bandwidth annotation, when it does not apply it everywhere. */
interface Verdict {
  message: Localized;
  severity?: Severity;
  fix?: Fix;
}

const directionZh: Record<Direction, string> = { ingress: '入方向', egress: '出方向' };

function flannelVerdict(profile: Profile, key: string, direction: Direction): Verdict | undefined {
  if (profile.flannel.bandwidth) return undefined;
  return {
    message: both(
      `Flannel applies ${key} only after bandwidth limiting is enabled in ACK's Flannel config (Flannel v0.15.1.4-e02c8f12-aliyun or later): until then this pod has no ${direction} limit.`,
      `ACK 的 Flannel 需要先在 Flannel 配置中开启带宽限制（要求 Flannel v0.15.1.4-e02c8f12-aliyun 及以上）才会执行 ${key}：在此之前该 Pod 没有${directionZh[direction]}限速。`,
    ),
    fix: profileValueFix(
      profile,
      'flannel',
      'bandwidth',
      'true',
      both(
        'Record bandwidth limiting as enabled in .ack-cni.yaml (enable it in the Flannel config too)',
        '在 .ack-cni.yaml 中记录已开启带宽限制（同时需在 Flannel 配置中开启）',
      ),
    ),
  };
}

/** The pod-networks annotation that sends this pod to member (trunk) or exclusive ENIs, if any. */
function podNetworksKeyOf(template: PodTemplate): string | undefined {
  const annotations = podAnnotationMap(template);
  return podNetworksKeys.find((key) => annotations.has(key));
}

/** Terway's datapath applies no ingress limits: legacy IPvlan, or DataPath V2 before v1.13.0. */
function ingressUnsupported(profile: Profile, key: string): Verdict | undefined {
  const { datapath, version } = profile.terway;
  if (datapath === 'ipvlan') {
    return {
      message: both(
        `Terway with the legacy IPvlan datapath applies egress limits only: ${key} is ignored.`,
        `使用旧版 IPvlan 数据路径的 Terway 只支持出方向限速：${key} 会被忽略。`,
      ),
    };
  }
  if (datapath === 'datapathv2' && version !== undefined && compareVersions(version, '1.13.0') < 0) {
    return {
      message: both(
        `Terway ${version} with DataPath V2 applies no ingress limits (they came in v1.13.0): ${key} is ignored.`,
        `Terway ${version} 的 DataPath V2 不支持入方向限速（v1.13.0 起才支持）：${key} 会被忽略。`,
      ),
    };
  }
  return undefined;
}

function terwayVerdict(profile: Profile, template: PodTemplate, key: string, direction: Direction): Verdict | undefined {
  if (profile.terway.eniMode === 'exclusive') {
    return {
      message: both(
        `Terway in exclusive ENI mode does not shape pod traffic: ${key} is not applied.`,
        `独占 ENI 模式的 Terway 不对 Pod 流量限速：${key} 不会生效。`,
      ),
    };
  }
  const podNetworksKey = podNetworksKeyOf(template);
  if (podNetworksKey) {
    return {
      message: both(
        `This pod asks for its own networks (${podNetworksKey}), so Terway gives it member or exclusive ENIs, where ${key} is not applied.`,
        `该 Pod 通过 ${podNetworksKey} 申请了独立网络，Terway 会为它分配成员 ENI 或独占 ENI，在这类 ENI 上 ${key} 不会生效。`,
      ),
    };
  }
  const ingress = direction === 'ingress' ? ingressUnsupported(profile, key) : undefined;
  if (ingress) return ingress;
  if (profile.terway.eniMode === 'mixed') {
    return {
      severity: 'info',
      message: both(
        `Terway does not apply ${key} to pods on exclusive-ENI node pools (eniOnly): the limit holds only when this pod runs on a shared-ENI node.`,
        `Terway 不会对独占 ENI 节点池（eniOnly）上的 Pod 执行 ${key}：只有调度到共享 ENI 节点时限速才生效。`,
      ),
    };
  }
  return undefined;
}

export const bandwidthUnsupported: Rule = {
  id: 'bandwidth-unsupported',
  title: both('Bandwidth limit not applied by this CNI', '当前 CNI 不会执行该带宽限制'),
  scope: 'manifest',
  defaultSeverity: 'warning',
  appliesTo: both(
    'Flannel without bandwidth limiting enabled; Terway exclusive ENI (and the exclusive-ENI node pools of mixed mode); Terway pods on member or exclusive ENIs through pod-networks; ingress limits under legacy IPvlan or DataPath V2 before Terway v1.13.0.',
    '未开启带宽限制的 Flannel；独占 ENI 模式的 Terway（以及混合模式下的独占 ENI 节点池）；通过 pod-networks 使用成员 ENI 或独占 ENI 的 Terway Pod；旧版 IPvlan 或 Terway v1.13.0 之前的 DataPath V2 下的入方向限速。',
  ),
  needsProfile: true,
  remediation: both(
    'Enable bandwidth limiting in the Flannel config, or run the pod where Terway shapes traffic (shared ENI; for ingress, veth or DataPath V2 from v1.13.0).',
    '请在 Flannel 配置中开启带宽限制，或让 Pod 运行在 Terway 能限速的环境中（共享 ENI；入方向限速需 veth 或 v1.13.0 及以上的 DataPath V2）。',
  ),
  fixable: true,
  docs: {
    en: {
      what: '`kubernetes.io/ingress-bandwidth` or `kubernetes.io/egress-bandwidth` on a pod template where the cluster\'s CNI will not apply it. ACK\'s Flannel applies them only after bandwidth limiting is enabled in its config (off by default, Flannel v0.15.1.4-e02c8f12-aliyun or later). Terway shapes traffic on shared ENIs only: exclusive-ENI pods and trunk (member ENI) pods get no limit; the legacy IPvlan datapath limits egress only; DataPath V2 limits ingress from Terway v1.13.0 (and then only for traffic that leaves or enters the node).',
      why: 'The API server accepts the annotation and the pod starts normally, so nothing tells you the limit is missing. A pod that was meant to be capped can then saturate the node\'s or the ENI\'s bandwidth and starve its neighbours — usually found during an incident, not before.',
      fix: 'On Flannel, enable bandwidth limiting in ACK\'s Flannel config (upgrade Flannel first if it is older than v0.15.1.4-e02c8f12-aliyun) and record it in `.ack-cni.yaml` as `flannel.bandwidth: true` — the quick fix writes that line. On Terway, run the pod on shared-ENI nodes (not on an exclusive-ENI node pool and without pod-networks annotations); for ingress limits use the veth datapath or DataPath V2 on Terway v1.13.0 or later. If no shaping is available, cap the traffic in the application or with a gateway.',
    },
    zh: {
      what: 'Pod 模板上的 `kubernetes.io/ingress-bandwidth` 或 `kubernetes.io/egress-bandwidth` 在当前集群的 CNI 下不会生效。ACK 的 Flannel 需要在其配置中开启带宽限制后才会执行这两个注解（默认关闭，且要求 Flannel v0.15.1.4-e02c8f12-aliyun 及以上）。Terway 只对共享 ENI 上的 Pod 限速：独占 ENI 的 Pod 和 Trunk（成员 ENI）Pod 都不限速；旧版 IPvlan 数据路径只限制出方向；DataPath V2 从 Terway v1.13.0 起才支持入方向限速（且只作用于进出节点的流量）。',
      why: 'API Server 会接受注解，Pod 也能正常启动，没有任何地方提示限速没有生效。本应被限速的 Pod 可能占满节点或 ENI 的带宽，挤占同节点其他业务，这类问题往往要到故障时才被发现。',
      fix: 'Flannel：在 ACK 的 Flannel 配置中开启带宽限制（Flannel 低于 v0.15.1.4-e02c8f12-aliyun 时先升级），并在 `.ack-cni.yaml` 中记录 `flannel.bandwidth: true`（快速修复会写入这一行）。Terway：让 Pod 运行在共享 ENI 节点上（不要调度到独占 ENI 节点池，也不要带 pod-networks 注解）；需要入方向限速时使用 veth 数据路径或 Terway v1.13.0 及以上的 DataPath V2。如果无法限速，请在应用或网关层面控制流量。',
    },
    example: {
      profile: 'cni: flannel\n',
      bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations:\n        kubernetes.io/egress-bandwidth: 10M\n    spec:\n      containers:\n      - name: web\n        image: nginx\n',
      good: '# .ack-cni.yaml, once bandwidth limiting is enabled in the Flannel config:\ncni: flannel\nflannel:\n  bandwidth: true\n',
    },
    facts: ['1.1', '2.1', '3.1'],
    sources: ['src-3', 'src-7', 'src-10', 'src-11', 'src-25', 'src-26'],
  },
  checkObject(_object, { profile, podTemplates, report }) {
    if (!profile) return;
    for (const { template, entry, direction } of bandwidthAnnotations(podTemplates, kubernetesBandwidthKeys)) {
      const verdict =
        profile.cni === 'flannel'
          ? flannelVerdict(profile, entry.key, direction)
          : profile.cni === 'terway'
            ? terwayVerdict(profile, template, entry.key, direction)
            : undefined; // Terway Edge: no sourced fact about bandwidth shaping
      if (!verdict) continue;
      const [start, end] = entry.keyNode.range!;
      report({ start, end, message: verdict.message, severity: verdict.severity, fix: verdict.fix });
    }
  },
};
