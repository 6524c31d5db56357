import { ruleTable } from '../../helpers/ruleTable';
import { cidrOverlap } from '../../../server/src/rules/cluster/cidr-overlap';

const kind = 'profile' as const;

ruleTable(cidrOverlap, [
  {
    name: 'Flannel: the Service CIDR inside the pod CIDR, reported on the later one',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: 172.16.0.0/16\n  serviceCidr: ⟦172.16.0.0/20⟧\n',
    expect: [
      {
        severity: 'error',
        message:
          'The Service CIDR 172.16.0.0/20 overlaps the pod CIDR 172.16.0.0/16: Flannel needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
    ],
  },
  {
    name: 'Flannel, in Simplified Chinese',
    kind,
    locale: 'zh',
    text: 'cni: flannel\ncluster:\n  podCidr: 172.16.0.0/16\n  serviceCidr: ⟦172.16.0.0/20⟧\n',
    expect: [{ severity: 'error', message: 'Service 网段 172.16.0.0/20 与 Pod 网段 172.16.0.0/16 重叠：Flannel 集群要求 Pod、Service 与 VPC 网段互不重叠，且集群创建后都无法修改。' }],
  },
  {
    name: 'the later CIDR carries the finding whatever the roles: pod CIDR written after the VPC CIDR',
    kind,
    text: 'cni: flannel\ncluster:\n  vpcCidr: 172.16.0.0/12\n  podCidr: ⟦172.20.0.0/16⟧\n  serviceCidr: 192.168.0.0/20\n',
    expect: [
      {
        severity: 'error',
        message:
          'The pod CIDR 172.20.0.0/16 overlaps the VPC CIDR 172.16.0.0/12: Flannel needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
    ],
  },
  {
    name: 'key order decides which is later: the VPC CIDR written last',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: 10.0.0.0/16\n  vpcCidr: ⟦10.0.0.0/8⟧\n',
    expect: [
      {
        severity: 'error',
        message:
          'The VPC CIDR 10.0.0.0/8 overlaps the pod CIDR 10.0.0.0/16: Flannel needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
    ],
  },
  {
    name: 'every overlapping pair is reported, each on its later CIDR',
    kind,
    text: 'cni: flannel\ncluster:\n  vpcCidr: 10.0.0.0/8\n  podCidr: ⟦10.0.0.0/16⟧\n  serviceCidr: ⟦⟦10.0.0.0/20⟧⟧\n',
    expect: [
      {
        severity: 'error',
        message:
          'The pod CIDR 10.0.0.0/16 overlaps the VPC CIDR 10.0.0.0/8: Flannel needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
      {
        severity: 'error',
        message:
          'The Service CIDR 10.0.0.0/20 overlaps the VPC CIDR 10.0.0.0/8: Flannel needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
      {
        severity: 'error',
        message:
          'The Service CIDR 10.0.0.0/20 overlaps the pod CIDR 10.0.0.0/16: Flannel needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
    ],
  },
  {
    name: 'Terway: the Service CIDR inside the VPC; a pod CIDR is ignored by Terway and not compared',
    kind,
    text: 'cni: terway\ncluster:\n  vpcCidr: 192.168.0.0/16\n  podCidr: 192.168.0.0/16\n  serviceCidr: ⟦192.168.255.0/24⟧\n',
    expect: [
      {
        severity: 'error',
        message:
          'The Service CIDR 192.168.255.0/24 overlaps the VPC CIDR 192.168.0.0/16: Terway needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
    ],
  },
  {
    name: 'without a CNI the blocks are still checked',
    kind,
    text: 'cluster:\n  vpcCidr: 172.16.0.0/12\n  serviceCidr: ⟦172.19.0.0/20⟧\n',
    expect: [
      {
        severity: 'error',
        message:
          'The Service CIDR 172.19.0.0/20 overlaps the VPC CIDR 172.16.0.0/12: ACK needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
    ],
  },
  {
    name: 'the IPv4 part of a dual-stack Service CIDR is located inside the value; the IPv6 part overlaps nothing',
    kind,
    text: 'cni: terway\nterway:\n  ipStack: dual\ncluster:\n  vpcCidr: 192.168.0.0/16\n  serviceCidr: "⟦192.168.0.0/20⟧,fd00::/112"\n',
    expect: [
      {
        severity: 'error',
        message:
          'The Service CIDR 192.168.0.0/20 overlaps the VPC CIDR 192.168.0.0/16: Terway needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
    ],
  },
  {
    name: 'Terway Edge: the pod CIDR counts',
    kind,
    text: 'cni: terway-edge\ncluster:\n  podCidr: 10.0.0.0/8\n  serviceCidr: ⟦10.96.0.0/16⟧\n',
    expect: [
      {
        severity: 'error',
        message:
          'The Service CIDR 10.96.0.0/16 overlaps the pod CIDR 10.0.0.0/8: Terway Edge needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
    ],
  },
  {
    name: 'host bits do not hide an overlap: the blocks are compared by their networks',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: 172.20.9.9/16\n  serviceCidr: ⟦172.20.128.0/20⟧\n',
    expect: [
      {
        severity: 'error',
        message:
          'The Service CIDR 172.20.128.0/20 overlaps the pod CIDR 172.20.9.9/16: Flannel needs pod, Service and VPC CIDRs that share no address, and none of them can change after the cluster is created.',
      },
    ],
  },
  {
    name: 'the seed plan: VPC, pod and Service CIDRs apart',
    kind,
    text: 'cni: flannel\ncluster:\n  vpcCidr: 192.168.0.0/16\n  podCidr: 172.20.0.0/16\n  serviceCidr: 172.21.0.0/20\n',
    expect: [],
  },
  {
    name: 'adjacent blocks share no address',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: 172.16.0.0/20\n  serviceCidr: 172.16.16.0/20\n',
    expect: [],
  },
  {
    name: 'a malformed CIDR is cidr-invalid\'s business, not an overlap',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: 172.16.0.0\n  serviceCidr: 172.16.0.0/20\n',
    expect: [],
  },
  {
    name: 'turned off by settings or --rule',
    kind,
    rules: { 'cidr-overlap': 'off' },
    text: 'cni: flannel\ncluster:\n  podCidr: 172.16.0.0/16\n  serviceCidr: 172.16.0.0/20\n',
    expect: [],
  },
  {
    name: 'a suppression comment in the profile silences it',
    kind,
    text: 'cni: flannel\ncluster:\n  podCidr: 172.16.0.0/16\n  # ack-cni-disable-next-line cidr-overlap\n  serviceCidr: 172.16.0.0/20\n',
    expect: [],
  },
  {
    name: 'a manifest is not a cluster plan',
    profile: 'cni: flannel\ncluster:\n  podCidr: 172.16.0.0/16\n  serviceCidr: 172.16.0.0/20\n',
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n',
    expect: [],
  },
]);
