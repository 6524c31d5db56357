import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jsYaml from 'js-yaml';
import { plansInFile } from '../../../server/src/cluster/readers';
import { assertLocatedInside } from './show';
import { corpusAvailable, corpusDir, yamlFilesUnder } from '../../helpers/corpus';

const corpus = corpusDir;
const available = corpusAvailable;


/** eni-config / kube-flannel-cfg ConfigMaps as js-yaml (an independent loader) finds them. */
function expectedConfigMaps(text: string): string[] {
  if (!text.includes('eni-config') && !text.includes('kube-flannel-cfg')) return [];
  let loaded: unknown[];
  try {
    loaded = jsYaml.loadAll(text);
  } catch {
    return [];
  }
  const out: string[] = [];
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const object = value as { apiVersion?: unknown; kind?: unknown; items?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items)) object.items.forEach(visit);
    if (object.apiVersion !== 'v1' || object.kind !== 'ConfigMap') return;
    const { name, namespace } = object.metadata ?? {};
    if (name === 'eni-config' && (namespace === undefined || namespace === 'kube-system')) out.push('eni-config');
    if (name === 'kube-flannel-cfg' && (namespace === undefined || namespace === 'kube-system' || namespace === 'kube-flannel')) out.push('flannel-config');
  };
  loaded.forEach(visit);
  return out;
}

test('corpus: every eni-config and kube-flannel-cfg ConfigMap reads without an exception, every value located exactly', { skip: available ? false : `corpus not found at ${corpus} (set ACK_CNI_CORPUS)` }, () => {
  const read: Record<string, number> = {};
  for (const file of yamlFilesUnder(corpus)) {
    const text = fs.readFileSync(file, 'utf8');
    const where = path.relative(corpus, file);
    const plans = plansInFile(text, file);
    for (const plan of plans) assertLocatedInside(text, plan, where);
    const configMaps = plans.filter((plan) => plan.format === 'eni-config' || plan.format === 'flannel-config');
    // Helm templates are not configurations until rendered: js-yaml may load some, the readers skip them.
    if (!where.startsWith('_helm-templates')) assert.deepEqual(configMaps.map((plan) => plan.format), expectedConfigMaps(text), where);
    for (const plan of configMaps) {
      assert.ok(plan.cni, `${where}: a ConfigMap plan names its CNI`);
      read[plan.format] = (read[plan.format] ?? 0) + 1;
    }
  }
  // The corpus holds 12 eni-config ConfigMaps (Terway manifests and docs) and 10 kube-flannel-cfg ones.
  assert.deepEqual(read, { 'eni-config': 12, 'flannel-config': 10 });
});

test('corpus: what the Terway and Flannel manifests say, read from their JSON', { skip: available ? false : 'corpus not found' }, () => {
  const plan = (relative: string) => {
    const file = path.join(corpus, relative);
    return plansInFile(fs.readFileSync(file, 'utf8'), file)[0];
  };
  const cilium = plan('terway/terway-cilium.yml');
  assert.deepEqual(
    [cilium.terway.datapath?.value, cilium.terway.datapath?.raw, cilium.terway.networkPolicy?.value, cilium.cluster.serviceCidrs.map((c) => c.value), cilium.cluster.podVswitchIds.map((v) => v.value)],
    ['ipvlan', '"IPVlan"', true, ['10.96.0.0/12'], ['vsw-xxx']],
  );
  const aliyun = plan('flannel/Documentation/kube-flannel-aliyun.yml');
  assert.deepEqual([aliyun.cni?.value, aliyun.cluster.podCidr?.value, aliyun.cluster.podCidr?.raw], ['flannel', '10.24.0.0/16', '"10.24.0.0/16"']);
  const upstream = plan('flannel/Documentation/kube-flannel.yml');
  assert.equal(upstream.label, 'kube-flannel/kube-flannel-cfg');
});
