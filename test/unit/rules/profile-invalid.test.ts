import { ruleTable } from '../../helpers/ruleTable';
import { profileInvalid } from '../../../server/src/rules/core/profile-invalid';

const known = 'Known keys: cni, from, terway, flannel, cluster, rules, ignore.';
const terwayKeys = 'Known keys: eniMode, datapath, networkPolicy, trunking, ipStack, ipamType, networkPriority, version.';

ruleTable(profileInvalid, [
  {
    name: 'a complete valid profile',
    kind: 'profile',
    text: [
      'cni: terway',
      'from: ./infra/cluster.json',
      'terway:',
      '  eniMode: mixed',
      '  datapath: datapathv2',
      '  networkPolicy: true',
      '  trunking: false',
      '  ipStack: dual',
      '  ipamType: legacy',
      '  networkPriority: true',
      '  version: "1.14.0"',
      'flannel:',
      '  bandwidth: false',
      'cluster:',
      '  edition: basic',
      '  kubernetesVersion: 1.30',
      '  nodes: 120',
      '  os: alinux3',
      '  instanceTypes: [ecs.g7.4xlarge]',
      '  vpcCidr: 192.168.0.0/16',
      '  podCidr: 172.20.0.0/16',
      '  nodeCidrMask: "24"',
      '  serviceCidr: 172.21.0.0/20',
      'rules:',
      '  aliyun-bandwidth-deprecated: off',
      '  network-policy-unsupported: warning',
      'ignore: ["charts/**"]',
      '',
    ].join('\n'),
    expect: [],
  },
  {
    name: 'an unknown top-level key, with a rename fix for a near miss',
    kind: 'profile',
    text: 'cni: flannel\n⟦flanel⟧:\n  bandwidth: true\n',
    expect: [
      {
        severity: 'error',
        message: `Unknown key "flanel" in .ack-cni.yaml. Did you mean "flannel"? ${known}`,
        fixed: 'cni: flannel\nflannel:\n  bandwidth: true\n',
      },
    ],
  },
  {
    name: 'an unknown key inside a section, case slip fixed',
    kind: 'profile',
    text: 'cni: terway\nterway:\n  ⟦networkpolicy⟧: true\n',
    expect: [
      {
        severity: 'error',
        message: `Unknown key "terway.networkpolicy" in .ack-cni.yaml. Did you mean "networkPolicy"? ${terwayKeys}`,
        fixed: 'cni: terway\nterway:\n  networkPolicy: true\n',
      },
    ],
  },
  {
    // Round-trip regression: the rename fix wrote a second "flannel" key, which no YAML reader accepts.
    name: 'a near miss of a key that is already there: no rename fix (it would duplicate the key)',
    kind: 'profile',
    text: 'cni: flannel\nflannel:\n  bandwidth: true\n⟦flanel⟧: {bandwidth: false}\nterway:\n  eniMode: shared\n  ⟦enimode⟧: shared\nrules:\n  bandwidth-invalid: error\n  ⟦bandwith-invalid⟧: off\n',
    expect: [
      { severity: 'error', message: `Unknown key "flanel" in .ack-cni.yaml. Did you mean "flannel"? ${known}` },
      { severity: 'error', message: `Unknown key "terway.enimode" in .ack-cni.yaml. Did you mean "eniMode"? ${terwayKeys}` },
      { severity: 'error', message: 'Unknown rule "bandwith-invalid"; did you mean "bandwidth-invalid"?' },
    ],
  },
  {
    name: 'an unknown key with no near miss: no fix',
    kind: 'profile',
    text: 'cni: terway\n⟦region⟧: cn-hangzhou\n',
    expect: [{ severity: 'error', message: `Unknown key "region" in .ack-cni.yaml. ${known}` }],
  },
  {
    name: 'an enum slip keeps its quotes in the fix',
    kind: 'profile',
    text: 'cni: terway\nterway:\n  eniMode: ⟦"share"⟧\n',
    expect: [
      {
        severity: 'error',
        message: '"terway.eniMode" must be one of shared, exclusive, mixed; "share" is not (did you mean "shared"?).',
        fixed: 'cni: terway\nterway:\n  eniMode: "shared"\n',
      },
    ],
  },
  {
    name: 'a CNI that ACK does not offer',
    kind: 'profile',
    text: 'cni: ⟦calico⟧\n',
    expect: [{ severity: 'error', message: '"cni" must be one of terway, terway-edge, flannel; "calico" is not.' }],
  },
  {
    name: 'YAML 1.1 booleans are not booleans here',
    kind: 'profile',
    text: 'cni: terway\nterway:\n  networkPolicy: ⟦yes⟧\n',
    expect: [{ severity: 'error', message: '"terway.networkPolicy" must be true or false, not "yes".' }],
  },
  {
    name: 'wrong types: a list where a section belongs, a word where a number belongs, a map in a list',
    kind: 'profile',
    text: 'cni: terway\nflannel: ⟦[bandwidth]⟧\ncluster:\n  nodes: ⟦many⟧\n  instanceTypes: [⟦{a: b}⟧]\n',
    expect: [
      { severity: 'error', message: '"flannel" must be a map of keys, not a list.' },
      { severity: 'error', message: '"cluster.nodes" must be a whole number, not "many".' },
      { severity: 'error', message: '"cluster.instanceTypes[]" must be a string, not a map.' },
    ],
  },
  {
    name: 'a number out of range and a version that is not one',
    kind: 'profile',
    text: 'cni: flannel\ncluster:\n  nodeCidrMask: ⟦40⟧\n  kubernetesVersion: ⟦latest⟧\n',
    expect: [
      { severity: 'error', message: '"cluster.nodeCidrMask" must be between 0 and 32, not 40.' },
      { severity: 'error', message: '"cluster.kubernetesVersion" must be a version such as "1.30", not "latest".' },
    ],
  },
  {
    name: 'unknown rule ids and severities under rules:',
    kind: 'profile',
    text: 'cni: flannel\nrules:\n  ⟦bandwith-unsupported⟧: off\n  network-policy-unsupported: ⟦loud⟧\n',
    expect: [
      {
        severity: 'error',
        message: 'Unknown rule "bandwith-unsupported"; did you mean "bandwidth-unsupported"?',
        fixed: 'cni: flannel\nrules:\n  bandwidth-unsupported: off\n  network-policy-unsupported: loud\n',
      },
      { severity: 'error', message: 'Severity of "network-policy-unsupported" must be one of off, hint, info, warning, error, not "loud".' },
    ],
  },
  {
    name: 'no cni key: reported on the first key',
    kind: 'profile',
    text: '# a profile without a CNI\n⟦terway⟧:\n  networkPolicy: true\n',
    expect: [
      {
        severity: 'error',
        message: 'The profile does not say which CNI the cluster runs: add "cni: terway", "cni: terway-edge" or "cni: flannel".',
      },
    ],
  },
  {
    name: 'not a map at all',
    kind: 'profile',
    text: '⟦- cni: terway⟧\n',
    expect: [{ severity: 'error', message: 'A .ack-cni.yaml file must be a map of keys such as "cni: terway".' }],
  },
  {
    name: 'a second document is ignored, and said so',
    kind: 'profile',
    text: 'cni: flannel\n⟦---⟧\ncni: terway\n',
    expect: [{ severity: 'error', message: 'A .ack-cni.yaml file holds one document; this one is ignored.' }],
  },
  {
    name: 'in Simplified Chinese',
    kind: 'profile',
    locale: 'zh',
    text: 'cni: terway\nterway:\n  datapath: ⟦ebpf⟧\n',
    expect: [{ severity: 'error', message: '"terway.datapath" 只能取 veth、ipvlan、datapathv2，不能是 "ebpf"。' }],
  },
]);
