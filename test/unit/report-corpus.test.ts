import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReadinessReport } from '../../server/src/report';
import { manifestsInScope } from '../../server/src/report/scope';
import type { FeatureId } from '../../server/src/report/model';
import { corpusAvailable, corpusDir } from '../helpers/corpus';

const corpus = corpusDir;
const available = corpusAvailable;
const readFile = (file: string) => (fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined);

/** Top-level `key: value` of a YAML document's text, as a grep would see it. */
const top = (chunk: string, key: string, value: RegExp) => new RegExp(`^${key}:\\s*["']?(?:${value.source})["']?\\s*$`, 'm').test(chunk);
const documents = (text: string) => text.split(/^---.*$/m);

/**
 * Independent evidence, by plain text search and not through the engine: the files in which each
 * feature is written out in the usual way (top-level kind and apiVersion, annotation keys).
 */
const evidence: Record<Exclude<FeatureId, 'pod-ip-reservation' | 'eip'>, (text: string) => boolean> = {
  'network-policy': (text) => documents(text).some((d) => top(d, 'kind', /NetworkPolicy/) && top(d, 'apiVersion', /networking\.k8s\.io\/\w+/)),
  'calico-policy': (text) =>
    documents(text).some((d) => top(d, 'kind', /(Global)?NetworkPolicy|(Global)?NetworkSet/) && top(d, 'apiVersion', /(crd\.)?projectcalico\.org\/v\d/)),
  'kubernetes-bandwidth': (text) => /^\s+["']?kubernetes\.io\/(ingress|egress)-bandwidth["']?:/m.test(text),
  'aliyun-bandwidth': (text) => /^\s+["']?k8s\.aliyun\.com\/(ingress|egress)-bandwidth["']?:/m.test(text),
  'multi-nic': (text) => /^\s+["']?k8s\.aliyun\.com\/pod-networks(-request)?["']?:/m.test(text),
  'pod-networking': (text) => documents(text).some((d) => top(d, 'kind', /PodNetworking/) && top(d, 'apiVersion', /network\.alibabacloud\.com\/\w+/)),
  'fixed-ip': (text) => documents(text).some((d) => top(d, 'kind', /PodNetworking/) && /^ {2}allocationType:/m.test(d) && /^\s+type:\s*Fixed\s*$/m.test(d)),
  'dual-stack': (text) => documents(text).some((d) => top(d, 'kind', /Service/) && /ipFamilyPolicy:\s*["']?(Require|Prefer)DualStack/.test(d)),
  'alb-ingress': (text) => documents(text).some((d) => top(d, 'kind', /Ingress/) && /(ingressClassName|kubernetes\.io\/ingress\.class["']?):\s*["']?alb["']?\s*$/m.test(d)),
  'eni-backend': (text) => /service\.beta\.kubernetes\.io\/backend-type["']?:\s*["']?eni["']?\s*$/m.test(text),
  'load-balancer': (text) => documents(text).some((d) => top(d, 'kind', /Service/) && /^ {2}type:\s*["']?LoadBalancer["']?\s*$/m.test(d)),
  'network-priority': (text) => /^\s+["']?k8s\.aliyun\.com\/network-priority["']?:/m.test(text),
};

test('corpus: the report reads every manifest without an exception, finds each feature wherever a text search finds it, and recommends a CNI', { skip: available ? false : `corpus not found at ${corpus} (set ACK_CNI_CORPUS)`, timeout: 60000 }, async () => {
  const files = await manifestsInScope({ paths: [corpus], cwd: corpus, readFile });
  const report = buildReadinessReport({ paths: ['.'], files, locale: 'en' });
  assert.equal(report.files.total, files.length);
  // Templates and broken documents are not read by the engine, so they are not evidence either.
  const unread = new Set([...report.files.templates, ...report.files.yamlErrors]);
  const evidenced = new Map<string, number>();
  for (const [id, found] of Object.entries(evidence)) {
    const expected = files.filter((file) => !unread.has(file.path) && found(file.text)).map((file) => path.relative(corpus, file.path));
    evidenced.set(id, expected.length);
    const feature = report.features.find((f) => f.id === id)!;
    const reported = new Set(feature.places.map((place) => path.relative(corpus, place.file)));
    assert.deepEqual(expected.filter((file) => !reported.has(file)), [], `${id}: files a text search finds but the report misses`);
    if (expected.length > 0) assert.ok(feature.places.length >= expected.length, `${id}: at least one place per file`);
  }
  for (const id of ['network-policy', 'calico-policy', 'aliyun-bandwidth', 'multi-nic', 'pod-networking', 'dual-stack', 'alb-ingress', 'eni-backend', 'load-balancer']) {
    assert.ok(evidenced.get(id)! > 0, `a text search finds ${id} in the corpus`);
  }
  const flannel = report.options.find((option) => option.id === 'flannel')!;
  assert.ok(flannel.breaks.some((tally) => tally.rule === 'network-policy-unsupported'));
  assert.ok(flannel.breaks.some((tally) => tally.rule === 'alb-clusterip-backend'), 'ALB Ingresses with ClusterIP backends, across files');
  assert.equal(report.recommendation.option, 'terway-shared-policy');
  assert.match(report.recommendation.summary, /yet \d+ place\(s\) still break on it .* \d+ of them break on every ACK option/, 'projectcalico.org/v3 objects break whatever the choice');
  assert.ok(report.recommendation.reasons.length >= 5);
});
