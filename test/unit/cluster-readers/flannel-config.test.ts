import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plansOf, summary } from './show';

const ack = `kind: ConfigMap
apiVersion: v1
metadata:
  name: kube-flannel-cfg
  namespace: kube-system
data:
  cni-conf.json: |
    {
      "name": "cb0",
      "cniVersion": "0.3.1",
      "plugins": [
        {"type": "flannel", "delegate": {"isDefaultGateway": true}},
        {"type": "portmap", "capabilities": {"portMappings": true}},
        {"type": "bandwidth", "capabilities": {"bandwidth": true}}
      ]
    }
  net-conf.json: |
    {
      "Network": "172.20.0.0/16",
      "SubnetLen": 25,
      "EnableIPv6": false,
      "Backend": {"Type": "ali-vpc"}
    }
`;

test('kube-flannel-cfg: net-conf.json values located inside the JSON; a bandwidth plugin turns shaping on', () => {
  const [plan, ...rest] = plansOf(ack);
  assert.equal(rest.length, 0);
  assert.equal(plan.format, 'flannel-config');
  assert.equal(plan.label, 'kube-system/kube-flannel-cfg');
  assert.deepEqual(summary(ack, plan), {
    cni: ['flannel', 'name: ⟦kube-flannel-cfg⟧'],
    'terway.ipStack': ['ipv4', '"EnableIPv6": ⟦false⟧,'],
    'flannel.bandwidth': [true, '{"type": ⟦"bandwidth"⟧, "capabilities": {"bandwidth": true}}'],
    'cluster.podCidr': ['172.20.0.0/16', '"Network": ⟦"172.20.0.0/16"⟧,'],
    'cluster.nodeCidrMask': [25, '"SubnetLen": ⟦25⟧,'],
  });
});

test('kube-flannel-cfg: upstream manifest (kube-flannel namespace, IPv6 on, no bandwidth plugin)', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-flannel-cfg
  namespace: kube-flannel
data:
  cni-conf.json: '{"name": "cbr0", "plugins": [{"type": "flannel"}, {"type": "portmap"}]}'
  net-conf.json: '{"Network": "10.244.0.0/16", "EnableIPv6": true, "IPv6Network": "2001:cafe:42::/56", "Backend": {"Type": "vxlan"}}'
`;
  const [plan] = plansOf(text);
  assert.equal(plan.label, 'kube-flannel/kube-flannel-cfg');
  assert.deepEqual(summary(text, plan), {
    cni: ['flannel', 'name: ⟦kube-flannel-cfg⟧'],
    'terway.ipStack': ['dual', `net-conf.json: '{"Network": "10.244.0.0/16", "EnableIPv6": ⟦true⟧, "IPv6Network": "2001:cafe:42::/56", "Backend": {"Type": "vxlan"}}'`],
    'cluster.podCidr': ['10.244.0.0/16', `net-conf.json: '{"Network": ⟦"10.244.0.0/16"⟧, "EnableIPv6": true, "IPv6Network": "2001:cafe:42::/56", "Backend": {"Type": "vxlan"}}'`],
  });
});

test('kube-flannel-cfg: wrong JSON types and invalid JSON say nothing', () => {
  const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: kube-flannel-cfg}
data:
  net-conf.json: '{"Network": 10, "SubnetLen": "24", "EnableIPv6": "true"}'
  cni-conf.json: '{"plugins": [{"type": "bandwidth"},]}'
`;
  const [plan] = plansOf(text);
  assert.deepEqual(Object.keys(summary(text, plan)), ['cni']);
});

test('kube-flannel-cfg: other names and namespaces are not Flannel configs', () => {
  const configMap = (meta: string) => plansOf(`apiVersion: v1\nkind: ConfigMap\nmetadata: ${meta}\ndata: {}\n`).length;
  assert.equal(configMap('{name: kube-flannel-cfg}'), 1);
  assert.equal(configMap('{name: kube-flannel-cfg, namespace: kube-system}'), 1);
  assert.equal(configMap('{name: kube-flannel-cfg, namespace: kube-flannel}'), 1);
  assert.equal(configMap('{name: kube-flannel-cfg, namespace: monitoring}'), 0);
  assert.equal(configMap('{name: flannel-cfg}'), 0);
});
