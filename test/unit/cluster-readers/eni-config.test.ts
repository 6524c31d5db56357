import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plansOf, summary, shown } from './show';

const chart = `apiVersion: v1
kind: ConfigMap
metadata:
  name: eni-config
  namespace: kube-system
data:
  eni_conf: |
    {
      "version": "1",
      "enable_eni_trunking": true,
      "vswitches": {"cn-hangzhou-i": ["vsw-pod-i1", "vsw-pod-i2"], "cn-hangzhou-j": ["vsw-pod-j"]},
      "service_cidr": "172.21.0.0/20",
      "security_groups": ["sg-1"],
      "ip_stack": "dual",
      "ipam_type": "crd",
      "vswitch_selection_policy": "ordered"
    }
  10-terway.conf: |
    {
      "cniVersion": "0.4.0",
      "name": "terway",
      "capabilities": {"bandwidth": true},
      "network_policy_provider": "ebpf",
      "eniip_virtual_type": "datapathv2",
      "enable_network_priority": true,
      "type": "terway"
    }
  disable_network_policy: "false"
  in_cluster_loadbalance: "true"
`;

test('eni-config: values inside eni_conf and 10-terway.conf are located at their JSON values', () => {
  const [plan, ...rest] = plansOf(chart);
  assert.equal(rest.length, 0);
  assert.equal(plan.format, 'eni-config');
  assert.equal(plan.label, 'kube-system/eni-config');
  assert.deepEqual(summary(chart, plan), {
    cni: ['terway', 'name: ⟦eni-config⟧'],
    'terway.ipStack': ['dual', '"ip_stack": ⟦"dual"⟧,'],
    'terway.trunking': [true, '"enable_eni_trunking": ⟦true⟧,'],
    'terway.ipamType': ['crd', '"ipam_type": ⟦"crd"⟧,'],
    'terway.datapath': ['datapathv2', '"eniip_virtual_type": ⟦"datapathv2"⟧,'],
    'terway.networkPriority': [true, '"enable_network_priority": ⟦true⟧,'],
    // "false": the policy is NOT disabled, so it is enforced.
    'terway.networkPolicy': [true, 'disable_network_policy: ⟦"false"⟧'],
    'cluster.serviceCidrs[0]': ['172.21.0.0/20', '"service_cidr": "⟦172.21.0.0/20⟧",'],
    'cluster.podVswitchIds[0]': ['vsw-pod-i1', '"vswitches": {"cn-hangzhou-i": [⟦"vsw-pod-i1"⟧, "vsw-pod-i2"], "cn-hangzhou-j": ["vsw-pod-j"]},'],
    'cluster.podVswitchIds[1]': ['vsw-pod-i2', '"vswitches": {"cn-hangzhou-i": ["vsw-pod-i1", ⟦"vsw-pod-i2"⟧], "cn-hangzhou-j": ["vsw-pod-j"]},'],
    'cluster.podVswitchIds[2]': ['vsw-pod-j', '"vswitches": {"cn-hangzhou-i": ["vsw-pod-i1", "vsw-pod-i2"], "cn-hangzhou-j": [⟦"vsw-pod-j"⟧]},'],
  });
});

test('eni-config: disable_network_policy is a string; "false", "0", "" or no key at all mean the policy is enforced', () => {
  const policy = (line: string) => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: eni-config\ndata:\n  eni_conf: "{}"\n${line}`;
    const plan = plansOf(text)[0];
    return [plan.terway.networkPolicy?.value, shown(text, plan.terway.networkPolicy)];
  };
  assert.deepEqual(policy('  disable_network_policy: "false"\n'), [true, 'disable_network_policy: ⟦"false"⟧']);
  assert.deepEqual(policy('  disable_network_policy: "0"\n'), [true, 'disable_network_policy: ⟦"0"⟧']);
  assert.deepEqual(policy('  disable_network_policy: ""\n'), [true, 'disable_network_policy: ⟦""⟧']);
  assert.deepEqual(policy("  disable_network_policy: 'true'\n"), [false, "disable_network_policy: ⟦'true'⟧"]);
  assert.deepEqual(policy('  disable_network_policy: "yes"\n'), [false, 'disable_network_policy: ⟦"yes"⟧']);
  // Case matters to Terway: only these exact strings keep the policy on.
  assert.deepEqual(policy('  disable_network_policy: "False"\n'), [false, 'disable_network_policy: ⟦"False"⟧']);
  // No key: enforced, and the finding goes on `data`, where the key is missing.
  assert.deepEqual(policy(''), [true, '⟦data⟧:']);
  // A YAML boolean is not a ConfigMap value (the API server rejects it): it says nothing.
  assert.deepEqual(policy('  disable_network_policy: false\n'), [undefined, '(absent)']);
});

test('eni-config: eniip_virtual_type is case-insensitive; unknown values say nothing', () => {
  const datapath = (value: string) => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: eni-config}\ndata:\n  10-terway.conf: '{"type": "terway", "eniip_virtual_type": ${JSON.stringify(value)}}'\n`;
    return plansOf(text)[0].terway.datapath?.value;
  };
  assert.deepEqual(
    ['Veth', 'veth', '', 'IPVlan', 'ipvlan', 'DataPathV2', 'datapathv2', 'eBPF'].map(datapath),
    ['veth', 'veth', 'veth', 'ipvlan', 'ipvlan', 'datapathv2', 'datapathv2', undefined],
  );
});

test('eni-config: ipam_type crd / "" (daemon IPAM) / preferCRD, ip_stack "" / ipv6', () => {
  const read = (eniConf: string) => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: eni-config, namespace: kube-system}\ndata:\n  eni_conf: '${eniConf}'\n  disable_network_policy: "true"\n`;
    const plan = plansOf(text)[0];
    return [plan.terway.ipamType?.value, plan.terway.ipStack?.value];
  };
  assert.deepEqual(read('{"ipam_type": "crd", "ip_stack": "ipv4"}'), ['crd', 'ipv4']);
  assert.deepEqual(read('{"ipam_type": "", "ip_stack": ""}'), ['legacy', 'ipv4']);
  assert.deepEqual(read('{"ipam_type": "preferCRD", "ip_stack": "ipv6"}'), [undefined, undefined]);
  assert.deepEqual(read('{}'), [undefined, undefined]);
});

test('eni-config: JSON in a double-quoted YAML string is traced through both escapes', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: eni-config}
data: {eni_conf: "{\\"ip_stack\\": \\"dual\\", \\"service_cidr\\": \\"10.96.0.0/12,fd00::/120\\"}"}
`;
  const [plan] = plansOf(text);
  assert.equal(plan.terway.ipStack?.raw, '\\"dual\\"');
  assert.deepEqual(plan.cluster.serviceCidrs.map((cidr) => cidr.raw), ['10.96.0.0/12', 'fd00::/120']);
  assert.equal(shown(text, plan.cluster.serviceCidrs[1]), 'data: {eni_conf: "{\\"ip_stack\\": \\"dual\\", \\"service_cidr\\": \\"10.96.0.0/12,⟦fd00::/120⟧\\"}"}');
});

test('eni-config: JSON that Go cannot decode says nothing; the ConfigMap still names Terway', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: eni-config
data:
  eni_conf: |
    {
      "ip_stack": "dual",
    }
  10-terway.conf: |
    { "eniip_virtual_type": "ipvlan" // comment
    }
  disable_network_policy: "true"
`;
  const [plan] = plansOf(text);
  assert.deepEqual(summary(text, plan), {
    cni: ['terway', 'name: ⟦eni-config⟧'],
    'terway.networkPolicy': [false, 'disable_network_policy: ⟦"true"⟧'],
  });
});

test('eni-config: only the ConfigMap named eni-config, in kube-system or with no namespace written', () => {
  const configMap = (meta: string, kind = 'ConfigMap', apiVersion = 'v1') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: ${meta}\ndata: {}\n`;
  assert.equal(plansOf(configMap('{name: eni-config}')).length, 1);
  assert.equal(plansOf(configMap('{name: eni-config, namespace: kube-system}')).length, 1);
  assert.equal(plansOf(configMap('{name: eni-config, namespace: default}')).length, 0);
  assert.equal(plansOf(configMap('{name: eni-config-prefix, namespace: kube-system}')).length, 0);
  assert.equal(plansOf(configMap('{name: eni-config}', 'Secret')).length, 0);
  assert.equal(plansOf(configMap('{name: eni-config}', 'ConfigMap', 'example.com/v1')).length, 0);
  // A List of objects, as `kubectl get -o yaml` prints them.
  const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: eni-config, namespace: kube-system}\n  data: {disable_network_policy: "true"}\n`;
  const [plan] = plansOf(list);
  assert.equal(shown(list, plan.terway.networkPolicy), 'data: {disable_network_policy: ⟦"true"⟧}');
});

test('eni-config: CRLF line endings keep every position exact', () => {
  const text = chart.replace(/\n/g, '\r\n');
  const [plan] = plansOf(text);
  assert.deepEqual(summary(text, plan), summary(chart, plansOf(chart)[0]));
});
