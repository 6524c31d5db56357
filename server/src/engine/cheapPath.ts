import { loadAll } from 'js-yaml';
import { nonPrintable, maxNestingDepth } from '../yaml/parse';
import { kubectlPlainType } from '../yaml/scalarType';
import { calicoPolicyKinds } from '../rules/support/keys';

/**
 * Words every annotation key, field and name a rule or cluster reader looks for contains one of
 * (k8s.aliyun.com/*, kubernetes.io/*-bandwidth, network.alibabacloud.com, ipFamilyPolicy,
 * backend-type, cluster_type, eni-config, kube-flannel-cfg), plus what changes how a document is
 * read: template actions, merge keys and suppressions. A document that mentions none, even in a
 * comment, has nothing those rules can report. A new rule keyed on other words must add them
 * here; its rule table fails until it does, since the tables lint through this path.
 */
const triggers = /k8s\.aliyun\.com|network\.alibabacloud\.com|bandwidth|ipFamil|backend-type|cluster_type|eni-config|kube-flannel-cfg|ack-cni|\{\{|<</;

/** API groups whose kinds rules check by kind: NetworkPolicy, Ingress and the rest of networking.k8s.io. */
const checkedGroups = new Set(['networking.k8s.io', 'extensions']);
const calicoKinds = new Set<string>(calicoPolicyKinds);

/** yaml reports implicit keys longer than this (1024 in YAML 1.2); js-yaml accepts them. */
const maxKeyLength = 1000;

type Loaded = Record<string, unknown>;

function isMap(value: unknown): value is Loaded {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value kubectl reads as the same string however it was written (quoted or plain). */
function isPlainlySafeString(value: unknown): boolean {
  return typeof value === 'string' && kubectlPlainType(value) === 'string';
}

function checkedKind(object: unknown): boolean {
  if (!isMap(object) || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') return false;
  const slash = object.apiVersion.indexOf('/');
  const group = slash === -1 ? '' : object.apiVersion.slice(0, slash);
  return checkedGroups.has(group) || (group.endsWith('projectcalico.org') && calicoKinds.has(object.kind));
}

/** Labels and annotations annotation-value-type would flag, or may: anything but a map of safe strings. */
function suspiciousMetadata(metadata: Loaded): boolean {
  for (const field of ['labels', 'annotations']) {
    if (!(field in metadata)) continue;
    const map = metadata[field];
    if (!isMap(map) || !Object.values(map).every(isPlainlySafeString)) return true;
  }
  return false;
}

/**
 * Whether a loaded document may matter to a rule, or yaml may read it differently from js-yaml:
 * objects of checked kinds, suspicious labels or annotations anywhere (a superset of the metadata
 * annotation-value-type reads), trigger words hidden behind escapes, deep nesting, long keys.
 */
function mayMatter(root: unknown, escaped: boolean): boolean {
  const objects = !isMap(root) ? [] : Array.isArray(root.items) ? [root, ...root.items] : [root];
  if (objects.some(checkedKind)) return true;
  const seen = new Set<unknown>();
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (escaped && triggers.test(value)) return true;
      continue;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value); // aliases share values, and an anchor may contain its own alias
    if (depth > maxNestingDepth - 8) return true;
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
      continue;
    }
    const map = value as Loaded;
    if (isMap(map.metadata) && suspiciousMetadata(map.metadata)) return true;
    for (const key of Object.keys(map)) {
      if (key.length > maxKeyLength || (escaped && triggers.test(key))) return true;
      stack.push([map[key], depth + 1]);
    }
  }
  return false;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Whether a quoted scalar or a flow collection may run on past a line end: a line with an open
 * quote or bracket once escapes (`\"`, `''`) are dropped. yaml wants the lines it runs on to be
 * indented deeper than their block, js-yaml does not, so only yaml says that `- a: "x` over
 * `  y"` does not parse. Quotes in comments and plain words (`don't`) only send a chunk the
 * full way.
 */
function mayRunOverLines(chunk: string): boolean {
  for (const line of chunk.split('\n')) {
    const bare = line.replace(/\\./g, '').replace(/''/g, '');
    if (count(bare, /"/g) % 2 === 1 || count(bare, /'/g) % 2 === 1 || count(bare, /[[{]/g) !== count(bare, /[\]}]/g)) return true;
  }
  return false;
}

/**
 * Whether one YAML document (a chunk of the file holding exactly one) is settled without yaml's
 * AST: it has no finding for any rule under any profile. js-yaml loads it about three times
 * faster; whenever it cannot load it, or yaml might see something else (an empty document,
 * control characters, several documents), the answer is no and the full path decides, so
 * syntax errors come from yaml exactly as before.
 */
export function settlesCheaply(chunk: string): boolean {
  if (triggers.test(chunk) || /\n\.\.\.|^\.\.\./.test(chunk) || mayRunOverLines(chunk)) return false;
  nonPrintable.lastIndex = 0;
  if (nonPrintable.test(chunk)) return false;
  let documents: unknown[];
  try {
    documents = loadAll(chunk);
  } catch {
    return false;
  }
  if (documents.length !== 1 || documents[0] === null || documents[0] === undefined) return false;
  return !mayMatter(documents[0], chunk.includes('\\'));
}
