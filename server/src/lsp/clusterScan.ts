import * as fs from 'node:fs/promises';
import { collectFiles } from '../files/walk';
import { detectClusterConfig, initTerraform, isTerraformPath, mayHoldClusterConfig, type ClusterConfigDetection } from '../cluster/readers';

/**
 * Words one of the supported cluster configurations must contain; other files are not parsed.
 * One pass of one expression: the server asks this of every edit, and four searches through a
 * 5 MB text took 10 ms of it.
 */
const markers = /cluster_type|eni-config|kube-flannel-cfg|alicloud_cs_/;
/** Cluster configurations are small; larger files are manifests or data and are not read for this. */
const maxBytes = 1024 * 1024;

/**
 * Whether a text may be a cluster configuration: small enough and naming one of the markers. The
 * size comes first so that typing in a 5 MB manifest does not search it on every keystroke.
 */
export function mentionsClusterConfig(text: string): boolean {
  return text.length <= maxBytes && markers.test(text);
}

/**
 * The cluster configurations under a workspace folder (PRODUCT §3 step 3), honouring .gitignore.
 * `openText` gives the editor's text of open files, so unsaved edits count.
 */
export async function scanClusterConfigs(folder: string, openText: (file: string) => string | undefined): Promise<ClusterConfigDetection> {
  const { files } = collectFiles([folder], folder);
  const texts: Array<{ path: string; text: string }> = [];
  for (const file of files.filter(mayHoldClusterConfig)) {
    let text = openText(file);
    if (text === undefined) {
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat || stat.size > maxBytes) continue;
      text = await fs.readFile(file, 'utf8').catch(() => undefined);
    }
    if (text !== undefined && mentionsClusterConfig(text)) texts.push({ path: file, text });
  }
  if (texts.some((candidate) => isTerraformPath(candidate.path))) await initTerraform();
  return detectClusterConfig(texts);
}
