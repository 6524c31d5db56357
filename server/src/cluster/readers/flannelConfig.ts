import type { K8sObject } from '../../k8s/objects';
import { emptyPlan, type ClusterPlan } from '../plan';
import { dataJson, isConfigMapNamed } from './eniConfig';
import { booleanOf, fieldValue, fromYaml, integerOf, locate, stringOf } from './values';

/**
 * Flannel's `kube-flannel-cfg` ConfigMap (cni-facts §3.3; `kube-system` on ACK and in older
 * manifests, `kube-flannel` upstream): `net-conf.json` gives the pod CIDR (`Network`), the per-node
 * prefix length (`SubnetLen`) and IPv6 (`EnableIPv6`); a `bandwidth` plugin in `cni-conf.json` turns
 * on kubernetes.io/*-bandwidth. Values are located inside the JSON strings.
 */
export function readFlannelConfig(text: string, object: K8sObject): ClusterPlan | undefined {
  if (!isConfigMapNamed(object, 'kube-flannel-cfg', ['kube-system', 'kube-flannel'])) return undefined;
  const configMap = fromYaml(text, object.node, object.doc);
  const nameValue = stringOf(fieldValue(fieldValue(configMap, 'metadata'), 'name'));
  if (!nameValue) return undefined;
  const plan = emptyPlan('flannel-config');
  plan.label = `${object.namespace ?? 'kube-system'}/kube-flannel-cfg`;
  plan.cni = locate(nameValue, 'flannel');
  const data = fieldValue(configMap, 'data');

  const netConf = dataJson(text, data, 'net-conf.json');
  const network = stringOf(fieldValue(netConf, 'Network'));
  if (network && network.value.trim() !== '') plan.cluster.podCidr = locate(network, network.value.trim());
  const subnetLen = fieldValue(netConf, 'SubnetLen');
  const mask = subnetLen?.kind === 'scalar' && typeof subnetLen.value === 'number' ? integerOf(subnetLen) : undefined;
  if (subnetLen && mask !== undefined && mask <= 32) plan.cluster.nodeCidrMask = locate(subnetLen, mask);
  // The cluster's IP stack lives in the plan's terway section (the profile's only ipStack key).
  const ipv6 = fieldValue(netConf, 'EnableIPv6');
  if (ipv6 && booleanOf(ipv6) !== undefined) plan.terway.ipStack = locate(ipv6, booleanOf(ipv6) ? 'dual' : 'ipv4');

  const cniConf = dataJson(text, data, 'cni-conf.json');
  const plugins = fieldValue(cniConf, 'plugins');
  if (plugins?.kind === 'list') {
    for (const plugin of plugins.items) {
      const type = stringOf(fieldValue(plugin, 'type'));
      if (type?.value === 'bandwidth') {
        plan.flannel.bandwidth = locate(type, true);
        break;
      }
    }
  }
  return plan;
}
