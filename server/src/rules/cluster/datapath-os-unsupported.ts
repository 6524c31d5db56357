import { both, type Localized } from '../../l10n';
import type { Rule } from '../types';
import { cniOf, compareVersions } from './common';

/**
 * Kernels of the node images the rule knows. These are inferences, not facts of the fact sheet:
 * Alibaba Cloud Linux 2 ships kernel 4.19, Alibaba Cloud Linux 3 kernel 5.10, CentOS 7 kernel 3.10.
 * Any other OS name is not mapped, so the rule stays silent on it.
 */
export const osKernels = {
  alinux2: { name: both('Alibaba Cloud Linux 2', 'Alibaba Cloud Linux 2'), kernel: '4.19' },
  alinux3: { name: both('Alibaba Cloud Linux 3', 'Alibaba Cloud Linux 3'), kernel: '5.10' },
  centos7: { name: both('CentOS 7', 'CentOS 7'), kernel: '3.10' },
} as const;

export type KnownOs = keyof typeof osKernels;

/**
 * The known OS an OS field names: `alinux3`, `AliyunLinux3`, `Alibaba Cloud Linux 3`,
 * `aliyun_3_x64_20G_alibase_…` (an image id), `CentOS 7.9`, `centos_7_9_x64…`. A bare `AliyunLinux`
 * is not mapped: the name does not say which release it is.
 */
export function knownOs(os: string): KnownOs | undefined {
  const s = os.trim().toLowerCase();
  const sep = '[\\s_-]*';
  const release = new RegExp(`^(?:alinux|aliyun${sep}linux|alibaba${sep}cloud${sep}linux|aliyun)${sep}([23])(?!\\d)`).exec(s);
  if (release) return release[1] === '2' ? 'alinux2' : 'alinux3';
  if (new RegExp(`^centos${sep}7(?!\\d)`).test(s)) return 'centos7';
  return undefined;
}

/** Terway v1.14.0 refuses kernels before 5.10; earlier versions use eBPF only from 4.19 (cni-facts §2.1). */
const kernelFloor = { current: { from: '1.14.0', kernel: '5.10' }, earlier: { kernel: '4.19' } } as const;

const datapathNames: Record<'ipvlan' | 'datapathv2', Localized> = {
  ipvlan: both('IPvlan (legacy IPvlan + eBPF)', 'IPvlan（旧版 IPvlan + eBPF）'),
  datapathv2: both('DataPath V2 (eBPF)', 'DataPath V2（eBPF）'),
};

export const datapathOsUnsupported: Rule = {
  id: 'datapath-os-unsupported',
  title: both('Terway datapath the node OS cannot run', '节点操作系统无法运行的 Terway 数据路径'),
  scope: 'cluster',
  defaultSeverity: 'error',
  appliesTo: both(
    'Terway with the ipvlan or DataPath V2 datapath, on node images whose kernel the rule knows (Alibaba Cloud Linux 2 and 3, CentOS 7).',
    '使用 ipvlan 或 DataPath V2 数据路径的 Terway，且节点镜像的内核版本可知（Alibaba Cloud Linux 2 与 3、CentOS 7）。',
  ),
  needsProfile: true,
  remediation: both(
    'Run eBPF datapaths on Alibaba Cloud Linux 3 (kernel 5.10), or keep the default veth datapath on older images.',
    '请在 Alibaba Cloud Linux 3（内核 5.10）上使用 eBPF 数据路径，旧镜像请保留默认的 veth 数据路径。',
  ),
  fixable: false,
  docs: {
    en: {
      what: 'Terway\'s eBPF datapaths need a recent kernel: before v1.14.0 Terway used its eBPF features only on kernel 4.19 or later, and from v1.14.0 its CNI configuration refuses kernels before 5.10. The legacy IPvlan option was offered only on Alibaba Cloud Linux 2. The rule maps the node OS to its kernel — Alibaba Cloud Linux 2 → 4.19, Alibaba Cloud Linux 3 → 5.10, CentOS 7 → 3.10 (these kernel versions are inferences from the images, not sourced facts) — and flags a datapath the kernel cannot run. Without a Terway version, an OS below 5.10 but at 4.19 or later gives a warning; other OS names are left alone.',
      why: 'On such nodes Terway cannot set up the pod network the plan asks for: the CNI configuration fails (from v1.14.0) or the eBPF acceleration is not used, and the datapath — chosen at cluster creation — does not change afterwards.',
      fix: 'Use Alibaba Cloud Linux 3 (kernel 5.10) node images for DataPath V2, or keep the default veth (policy routing) datapath, which also runs on CentOS 7 and Alibaba Cloud Linux 2. IPvlan is legacy: Terway v1.8.0 and later offer DataPath V2 instead.',
    },
    zh: {
      what: 'Terway 的 eBPF 数据路径需要较新的内核：v1.14.0 之前的 Terway 只在 4.19 及以上内核使用 eBPF 功能，v1.14.0 起其 CNI 配置生成器拒绝在 5.10 以下的内核上运行。旧版 IPvlan 选项只支持 Alibaba Cloud Linux 2。本规则把节点操作系统映射到内核版本——Alibaba Cloud Linux 2 → 4.19、Alibaba Cloud Linux 3 → 5.10、CentOS 7 → 3.10（这些内核版本是根据镜像推断的，并非事实表中的出处）——并报告内核无法运行的数据路径。未写 Terway 版本时，内核不低于 4.19 但低于 5.10 的系统只给出 warning；其他操作系统名称不检查。',
      why: '在这样的节点上，Terway 无法按规划搭建 Pod 网络：CNI 配置会失败（v1.14.0 起），或 eBPF 加速不会生效；而数据路径在创建集群时确定，之后不会改变。',
      fix: 'DataPath V2 请使用 Alibaba Cloud Linux 3（内核 5.10）节点镜像，或保留默认的 veth（策略路由）数据路径，它也能在 CentOS 7 与 Alibaba Cloud Linux 2 上运行。IPvlan 是旧方案：Terway v1.8.0 及以后改用 DataPath V2。',
    },
    example: {
      bad: 'cni: terway\nterway:\n  datapath: datapathv2\n  version: "1.14.0"\ncluster:\n  os: centos7\n',
      good: 'cni: terway\nterway:\n  datapath: datapathv2\n  version: "1.14.0"\ncluster:\n  os: alinux3\n',
    },
    facts: ['2.1'],
    sources: ['src-6', 'src-15', 'src-29', 'seed-001', 'seed-004'],
  },
  checkPlan({ plan, report }) {
    if (cniOf(plan) !== 'terway') return;
    const datapath = plan.terway.datapath?.value;
    const osLocated = plan.cluster.os;
    if ((datapath !== 'ipvlan' && datapath !== 'datapathv2') || !osLocated) return;
    const os = knownOs(osLocated.value);
    if (!os) return;
    const { name, kernel } = osKernels[os];
    const version = plan.terway.version?.value;
    const current = version === undefined || compareVersions(version, kernelFloor.current.from) >= 0;
    const belowEarlier = compareVersions(kernel, kernelFloor.earlier.kernel) < 0;
    const belowCurrent = compareVersions(kernel, kernelFloor.current.kernel) < 0;
    const dp = datapathNames[datapath];
    const ipvlanNote =
      datapath === 'ipvlan' && os !== 'alinux2'
        ? both(' (IPvlan was offered only on Alibaba Cloud Linux 2)', '（IPvlan 仅支持 Alibaba Cloud Linux 2）')
        : both('', '');
    const at = { start: osLocated.start, end: osLocated.end };
    if (belowEarlier) {
      report({
        ...at,
        message: both(
          `Terway's ${dp.en} needs Linux kernel ${kernelFloor.earlier.kernel} or later (${kernelFloor.current.kernel} from Terway v${kernelFloor.current.from}); ${name.en} ships kernel ${kernel}, so these nodes cannot run it${ipvlanNote.en}.`,
          `Terway 的 ${dp.zh}需要 ${kernelFloor.earlier.kernel} 及以上的 Linux 内核（Terway v${kernelFloor.current.from} 起需要 ${kernelFloor.current.kernel}）；${name.zh} 的内核为 ${kernel}，这些节点无法运行它${ipvlanNote.zh}。`,
        ),
      });
    } else if (belowCurrent && version !== undefined && current) {
      report({
        ...at,
        message: both(
          `Terway v${version} runs ${dp.en} only on Linux kernel ${kernelFloor.current.kernel} or later; ${name.en} ships kernel ${kernel}, so these nodes cannot run it.`,
          `Terway v${version} 只在 ${kernelFloor.current.kernel} 及以上的 Linux 内核上运行 ${dp.zh}；${name.zh} 的内核为 ${kernel}，这些节点无法运行它。`,
        ),
      });
    } else if (belowCurrent && version === undefined) {
      report({
        ...at,
        severity: 'warning',
        message: both(
          `Terway v${kernelFloor.current.from} and later run ${dp.en} only on Linux kernel ${kernelFloor.current.kernel} or later; ${name.en} ships kernel ${kernel}, enough for Terway v1.13 and earlier only.`,
          `Terway v${kernelFloor.current.from} 及以后只在 ${kernelFloor.current.kernel} 及以上的 Linux 内核上运行 ${dp.zh}；${name.zh} 的内核为 ${kernel}，只适用于 Terway v1.13 及更早版本。`,
        ),
      });
    }
  },
};
