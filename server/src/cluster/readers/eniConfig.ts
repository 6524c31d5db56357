import type { K8sObject } from '../../k8s/objects';
import { emptyPlan, type ClusterPlan } from '../plan';
import { datapathOf, ipamTypeOf } from './planBuilder';
import {
  booleanOf,
  field,
  fieldValue,
  fromJsonString,
  fromYaml,
  locate,
  splitItems,
  stringItems,
  stringOf,
  type Value,
} from './values';

/** A ConfigMap `name` in `kube-system` (or with no namespace written, as charts leave it). */
export function isConfigMapNamed(object: K8sObject, name: string, namespaces: readonly string[]): boolean {
  return (
    object.kind === 'ConfigMap' &&
    object.apiVersion === 'v1' &&
    object.name === name &&
    (object.namespace === undefined || namespaces.includes(object.namespace))
  );
}

/** A `data` key's string value parsed as JSON, when it is valid JSON. */
export function dataJson(text: string, data: Value | undefined, key: string): Value | undefined {
  const string = stringOf(fieldValue(data, key));
  return string ? fromJsonString(text, string) : undefined;
}

/**
 * Terway's `kube-system/eni-config` ConfigMap (cni-facts §2.2): `eni_conf` (the daemon's JSON
 * config), `10-terway.conf` (the CNI config) and `disable_network_policy`. Values inside the JSON
 * strings are located at their JSON key's value, not at the whole block.
 */
export function readEniConfig(text: string, object: K8sObject): ClusterPlan | undefined {
  if (!isConfigMapNamed(object, 'eni-config', ['kube-system'])) return undefined;
  const configMap = fromYaml(text, object.node, object.doc);
  const metadata = fieldValue(configMap, 'metadata');
  const nameValue = stringOf(fieldValue(metadata, 'name'));
  if (!nameValue) return undefined;
  const plan = emptyPlan('eni-config');
  plan.label = `${object.namespace ?? 'kube-system'}/eni-config`;
  plan.cni = locate(nameValue, 'terway');

  const dataEntry = field(configMap, 'data');
  const data = dataEntry?.value;

  const eniConf = dataJson(text, data, 'eni_conf');
  const ipStack = stringOf(fieldValue(eniConf, 'ip_stack'));
  if (ipStack) {
    // "" is the default, IPv4; "ipv6" is rejected by the daemon's Validate, so it says nothing.
    const stack = ipStack.value === '' ? 'ipv4' : ipStack.value;
    if (stack === 'ipv4' || stack === 'dual') plan.terway.ipStack = locate(ipStack, stack);
  }
  const trunking = fieldValue(eniConf, 'enable_eni_trunking');
  if (trunking && booleanOf(trunking) !== undefined) plan.terway.trunking = locate(trunking, booleanOf(trunking)!);
  const ipamType = stringOf(fieldValue(eniConf, 'ipam_type'));
  const ipam = ipamType ? ipamTypeOf(ipamType.value) : undefined;
  if (ipamType && ipam) plan.terway.ipamType = locate(ipamType, ipam);
  const serviceCidr = stringOf(fieldValue(eniConf, 'service_cidr'));
  if (serviceCidr) plan.cluster.serviceCidrs = splitItems(text, serviceCidr);
  // vswitches: zone → pod vSwitch ids.
  const vswitches = fieldValue(eniConf, 'vswitches');
  if (vswitches?.kind === 'map') for (const zone of vswitches.entries) plan.cluster.podVswitchIds.push(...stringItems(zone.value));

  const cniConf = dataJson(text, data, '10-terway.conf');
  const virtualType = stringOf(fieldValue(cniConf, 'eniip_virtual_type'));
  const datapath = virtualType ? datapathOf(virtualType.value) : undefined;
  if (virtualType && datapath) plan.terway.datapath = locate(virtualType, datapath);
  const priority = fieldValue(cniConf, 'enable_network_priority');
  if (priority && booleanOf(priority) !== undefined) plan.terway.networkPriority = locate(priority, booleanOf(priority)!);

  // disable_network_policy: "false", "0" or "" (or no key at all) ⇒ policy enforced; anything else ⇒ off.
  if (dataEntry && data?.kind === 'map') {
    const disable = field(data, 'disable_network_policy');
    const value = stringOf(disable?.value);
    if (value) plan.terway.networkPolicy = locate(value, ['false', '0', ''].includes(value.value));
    else if (!disable) plan.terway.networkPolicy = locate(dataEntry.keyAt, true);
  }
  return plan;
}
