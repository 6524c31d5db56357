import { test } from 'node:test';
import assert from 'node:assert/strict';
import { objectsOf } from '../../server/src/k8s/objects';
import { podTemplatesOf } from '../../server/src/k8s/podTemplates';
import { parseYamlDocuments } from '../../server/src/yaml/parse';

/** Each object of the text as `Kind: <template paths found>`, with `!` marking fixed-name pods. */
function templates(text: string): string[] {
  return parseYamlDocuments(text).flatMap((document) =>
    objectsOf(document).map((object) => {
      const found = podTemplatesOf(object).map((t) => {
        const name = (t.node.getIn(['metadata', 'name']) as string | undefined) ?? '';
        return `${name}${t.fixedName ? '!' : ''}`;
      });
      return `${object.kind}: ${found.join(',')}`;
    }),
  );
}

const template = (name: string) => `template:\n    metadata: {name: ${name}}\n    spec:\n      containers: [{name: c, image: i}]`;

test('pod templates: Pods, workloads, CronJobs, PodTemplates and CRDs shaped like workloads', () => {
  const text = [
    'apiVersion: v1\nkind: Pod\nmetadata: {name: bare}\nspec: {containers: []}',
    `apiVersion: apps/v1\nkind: Deployment\nspec:\n  ${template('deploy')}`,
    `apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  ${template('sts')}`,
    `apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  ${template('ds')}`,
    `apiVersion: batch/v1\nkind: Job\nspec:\n  ${template('job')}`,
    `apiVersion: v1\nkind: ReplicationController\nspec:\n  ${template('rc')}`,
    `apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: {name: cron}\n        spec: {containers: []}`,
    'apiVersion: v1\nkind: PodTemplate\ntemplate:\n  metadata: {name: podtemplate}\n  spec: {containers: []}',
    `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  ${template('rollout')}`,
    `apiVersion: apps.kruise.io/v1alpha1\nkind: CloneSet\nspec:\n  ${template('cloneset')}`,
    'apiVersion: example.com/v1\nkind: Widget\nspec:\n  template:\n    metadata: {name: not-a-pod}\n    spec: {replicas: 1}',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-a-replicaset\n  ownerReferences: [{kind: ReplicaSet, name: web-7d9}]\nspec: {containers: []}',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-0\n  ownerReferences: [{kind: StatefulSet, name: web}]\nspec: {containers: []}',
  ].join('\n---\n');
  assert.deepEqual(templates(text), [
    'Pod: bare!',
    'Deployment: deploy',
    'StatefulSet: sts!',
    'DaemonSet: ds',
    'Job: job',
    'ReplicationController: rc',
    'CronJob: cron',
    'PodTemplate: podtemplate',
    'Rollout: rollout',
    'CloneSet: cloneset',
    'Widget: ',
    'Pod: from-a-replicaset',
    'Pod: web-0!',
  ]);
});
