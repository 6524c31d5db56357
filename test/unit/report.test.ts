import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReadinessReport } from '../../server/src/report';
import { renderMarkdown } from '../../server/src/report/markdown';
import { relativeTo } from '../../server/src/report/paths';
import { manifestsInScope } from '../../server/src/report/scope';
import type { Place, ReadinessReport } from '../../server/src/report/model';

const fixtures = path.resolve(__dirname, '../fixtures/report');
const readFile = (file: string) => (fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined);

async function reportOn(dir: string, locale: 'en' | 'zh' = 'en'): Promise<ReadinessReport> {
  return buildReadinessReport({ paths: [dir], files: await manifestsInScope({ paths: [dir], cwd: fixtures, readFile }), locale });
}

const at = (place: Place) => `${path.relative(fixtures, place.file)}:${place.line}:${place.column}`;

/** Per option: fit, then `rule@place` for what breaks, `rule/severity@place` for what is ignored, and the features not judged. */
function verdicts(report: ReadinessReport): Record<string, unknown> {
  return Object.fromEntries(
    report.options.map((option) => [
      option.id,
      {
        fit: option.fit,
        breaks: option.breaks.flatMap((tally) => tally.places.map((place) => `${tally.rule}@${at(place)}`)),
        ignored: option.ignored.flatMap((tally) => tally.places.map((place) => `${tally.rule}/${tally.severity}@${at(place)}`)),
        unjudged: option.unjudged,
      },
    ]),
  );
}

test('census: every feature the shop uses, at its exact place; templates and broken files are not read, ignore: is honoured', async () => {
  const report = await reportOn('shop');
  assert.deepEqual(
    report.features.filter((feature) => feature.places.length > 0).map((feature) => `${feature.id} ${feature.places.map(at).join(' ')}`),
    [
      'network-policy shop/netpol.yaml:2:7',
      'calico-policy shop/networking.yaml:16:7',
      'kubernetes-bandwidth shop/web.yaml:12:9',
      'aliyun-bandwidth shop/web.yaml:13:9',
      'pod-networking shop/networking.yaml:2:7',
      'fixed-ip shop/networking.yaml:7:11',
      'dual-stack shop/web.yaml:27:19',
      'alb-ingress shop/ingress.yaml:2:7',
      'eni-backend shop/web.yaml:24:5',
      'load-balancer shop/web.yaml:26:9',
    ],
  );
  assert.deepEqual(report.features.find((feature) => feature.id === 'network-policy')!.places[0], {
    file: path.join(fixtures, 'shop/netpol.yaml'),
    line: 2,
    column: 7,
    endLine: 2,
    endColumn: 20,
  });
  assert.equal(report.files.total, 7, 'shop/ignored/ is left out by the profile’s ignore:');
  assert.deepEqual(report.files.templates.map((file) => path.relative(fixtures, file)), ['shop/chart.yaml']);
  assert.deepEqual(report.files.yamlErrors.map((file) => path.relative(fixtures, file)), ['shop/broken.yaml']);
});

test('verdicts: what breaks, what is ignored and what is not judged under each option (the linter’s own findings, across files: the ALB Ingress’s ClusterIP backend is in another file)', async () => {
  const report = await reportOn('shop');
  assert.deepEqual(verdicts(report), {
    'terway-shared-policy': {
      fit: 'degraded',
      breaks: [],
      ignored: ['calico-policy-unsupported/warning@shop/networking.yaml:16:7', 'aliyun-bandwidth-deprecated/warning@shop/web.yaml:13:9'],
      unjudged: [],
    },
    'terway-datapathv2': {
      fit: 'breaks',
      breaks: ['calico-policy-unsupported@shop/networking.yaml:16:7'],
      ignored: ['aliyun-bandwidth-deprecated/warning@shop/web.yaml:13:9'],
      unjudged: [],
    },
    'terway-exclusive': {
      fit: 'breaks',
      breaks: ['network-policy-unsupported@shop/netpol.yaml:2:7', 'calico-policy-unsupported@shop/networking.yaml:16:7'],
      ignored: ['bandwidth-unsupported/warning@shop/web.yaml:12:9', 'aliyun-bandwidth-deprecated/warning@shop/web.yaml:13:9'],
      unjudged: [],
    },
    flannel: {
      fit: 'breaks',
      breaks: [
        'network-policy-unsupported@shop/netpol.yaml:2:7',
        'calico-policy-unsupported@shop/networking.yaml:16:7',
        'eni-backend-unsupported@shop/web.yaml:24:46',
        'alb-clusterip-backend@shop/ingress.yaml:14:19',
        'aliyun-bandwidth-deprecated@shop/web.yaml:13:9',
        'podnetworking-unsupported@shop/networking.yaml:2:7',
      ],
      ignored: ['dual-stack-unsupported/warning@shop/web.yaml:27:19'],
      unjudged: [],
    },
    'terway-edge': {
      fit: 'unknown',
      breaks: [],
      ignored: ['aliyun-bandwidth-deprecated/warning@shop/web.yaml:13:9'],
      unjudged: ['network-policy', 'calico-policy', 'kubernetes-bandwidth', 'aliyun-bandwidth', 'pod-networking', 'fixed-ip', 'dual-stack', 'eni-backend'],
    },
  });
  assert.deepEqual(report.everywhere, []);
});

test('verdicts: the switches each option is set up with follow the features in use', async () => {
  const shop = await reportOn('shop');
  assert.deepEqual(
    Object.fromEntries(shop.options.map((option) => [option.id, option.profile])),
    {
      'terway-shared-policy': { cni: 'terway', terway: { eniMode: 'shared', datapath: 'veth', networkPolicy: true, ipStack: 'dual' } },
      'terway-datapathv2': { cni: 'terway', terway: { eniMode: 'shared', datapath: 'datapathv2', networkPolicy: true, ipStack: 'dual' } },
      'terway-exclusive': { cni: 'terway', terway: { eniMode: 'exclusive', ipStack: 'dual' } },
      flannel: { cni: 'flannel', flannel: { bandwidth: true } },
      'terway-edge': { cni: 'terway-edge' },
    },
  );
  assert.equal(shop.options[1].assumed.length, 2, 'DataPath V2: NetworkPolicy on, dual stack');
  const plain = await reportOn('plain');
  assert.deepEqual(plain.options.map((option) => [option.id, option.fit, option.assumed.length]), [
    ['terway-shared-policy', 'fits', 0],
    ['terway-datapathv2', 'fits', 0],
    ['terway-exclusive', 'fits', 0],
    ['flannel', 'fits', 0],
    ['terway-edge', 'fits', 0],
  ]);
});

test('recommendation: the cloud option with the fewest problems; ties go to Terway shared ENI, the others that fit are named', async () => {
  const shop = (await reportOn('shop')).recommendation;
  assert.equal(shop.option, 'terway-shared-policy');
  assert.deepEqual(shop.alsoFits, []);
  assert.equal(shop.summary, 'Terway, shared ENI, NetworkPolicy on: nothing breaks on it; 2 place(s) are ignored or degraded (listed below).');
  assert.equal(shop.reasons[2], 'Flannel: 6 place(s) would break (network-policy-unsupported 1, calico-policy-unsupported 1, eni-backend-unsupported 1, alb-clusterip-backend 1, aliyun-bandwidth-deprecated 1, podnetworking-unsupported 1) and 1 would be ignored or degraded.');
  for (const fact of ['Node scale:', 'Pod IPs:', 'Source IP:', 'Load balancers: 1 LoadBalancer', 'Terway Edge is for ACK Edge']) {
    assert.ok(shop.reasons.some((reason) => reason.startsWith(fact) && /cni-facts §[\d.]+.*seed 00[23]_/.test(reason)), `${fact} with its citation`);
  }
  const plain = (await reportOn('plain')).recommendation;
  assert.equal(plain.option, 'terway-shared-policy');
  assert.deepEqual(plain.alsoFits, ['terway-datapathv2', 'terway-exclusive', 'flannel']);
  assert.ok(plain.reasons.some((reason) => reason.startsWith('Flannel runs these manifests too')));
  assert.ok(!plain.reasons.some((reason) => reason.startsWith('Load balancers')), 'no load balancers, no load balancer point');
});

test('the report speaks Simplified Chinese when asked', async () => {
  const report = await reportOn('shop', 'zh');
  assert.equal(report.options[0].title, 'Terway 共享 ENI，开启 NetworkPolicy');
  assert.match(report.recommendation.summary, /没有会失效的内容/);
  assert.match(renderMarkdown(report, relativeTo(fixtures), 'zh'), /^# CNI 就绪报告\n/);
});

test('markdown: the shop report, links to each line relative to the report’s folder (snapshot)', async () => {
  const markdown = renderMarkdown(await reportOn('shop'), relativeTo(fixtures, path.join(fixtures, 'docs')), 'en');
  const snapshot = path.join(fixtures, 'shop.report.md');
  if (process.env.UPDATE_REPORT_SNAPSHOT === '1') fs.writeFileSync(snapshot, markdown);
  assert.equal(markdown, fs.readFileSync(snapshot, 'utf8'), 'the report changed: review, then UPDATE_REPORT_SNAPSHOT=1');
  assert.match(markdown, /\[shop\/netpol\.yaml:2:7\]\(\.\.\/shop\/netpol\.yaml#L2\)/);
});
