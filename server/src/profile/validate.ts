import { isMap, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import { both, type Localized } from '../l10n';
import type { Fix, Report, SeveritySetting } from '../engine/finding';
import { entries, type Entry } from '../yaml/nodes';
import { replaceScalarFix } from '../yaml/edits';
import { closest } from '../util/closest';
import { profileSchema, ruleSeverityValues, type FieldSpec } from './schema';

/** Values read from a profile file; absent keys stay undefined (defaults are filled in later). */
export type ProfileValues = { [key: string]: string | number | boolean | string[] | ProfileValues };

export interface ProfileFileContent {
  values: ProfileValues;
  rules: Map<string, SeveritySetting>;
  ignore: string[];
  /** Problems found in the file, reported by the `profile-invalid` rule. */
  problems: Report[];
}

const typeNames: Record<FieldSpec['type'], Localized> = {
  enum: both('one of the listed values', '列出的取值之一'),
  boolean: both('true or false', 'true 或 false'),
  string: both('a string', '字符串'),
  version: both('a version such as "1.30"', '版本号，如 "1.30"'),
  integer: both('a whole number', '整数'),
  stringList: both('a list of strings', '字符串列表'),
  section: both('a map of keys', '键值映射'),
  ruleMap: both('a map of rule id to severity', '规则 ID 到级别的映射'),
};

function shown(node: Node | null): string {
  if (!node) return 'nothing';
  if (isScalar(node)) return JSON.stringify(node.source ?? node.value);
  return isMap(node) ? 'a map' : isSeq(node) ? 'a list' : 'a value';
}

class ProfileReader {
  readonly problems: Report[] = [];
  readonly rules = new Map<string, SeveritySetting>();
  readonly ignore: string[] = [];

  constructor(
    private readonly text: string,
    private readonly doc: Document,
    private readonly knownRuleIds: readonly string[],
  ) {}

  private problem(node: Node, message: Localized, fix?: Fix): void {
    const range = node.range;
    if (!range) return;
    this.problems.push({ start: range[0], end: range[1], message, fix });
  }

  /**
   * An unknown key, with a rename fix when the key it most likely meant is not in the same map
   * already (renaming onto it would write a duplicate key, which no YAML reader accepts).
   */
  private unknownKey(e: Entry, path: string, known: readonly string[], siblings: ReadonlySet<string>): void {
    const guess = closest(e.key, known);
    const where = path ? `${path}.` : '';
    this.problem(
      e.keyNode,
      both(
        `Unknown key "${where}${e.key}" in .ack-cni.yaml.${guess ? ` Did you mean "${guess}"?` : ''} Known keys: ${known.join(', ')}.`,
        `.ack-cni.yaml 中没有 "${where}${e.key}" 这个键${guess ? `，是否想写 "${guess}"？` : '。'}可用的键：${known.join('、')}。`,
      ),
      guess && !siblings.has(guess) ? replaceScalarFix(this.text, e.keyNode, guess, both(`Rename to "${guess}"`, `改为 "${guess}"`)) : undefined,
    );
  }

  private wrongType(node: Node, path: string, spec: FieldSpec): undefined {
    const expected = typeNames[spec.type];
    this.problem(
      node,
      both(`"${path}" must be ${expected.en}, not ${shown(node)}.`, `"${path}" 应为${expected.zh}，而不是 ${shown(node)}。`),
    );
    return undefined;
  }

  readSection(map: Node | null, fields: Record<string, FieldSpec>, path: string): ProfileValues {
    const out: ProfileValues = {};
    if (!isMap(map)) return out;
    const siblings = new Set(entries(map).map((e) => e.key));
    for (const e of entries(map)) {
      const spec = fields[e.key];
      const keyPath = path ? `${path}.${e.key}` : e.key;
      if (!spec) {
        this.unknownKey(e, path, Object.keys(fields), siblings);
        continue;
      }
      const value = this.readValue(e, spec, keyPath);
      if (value !== undefined) out[e.key] = value;
    }
    return out;
  }

  private readValue(e: Entry, spec: FieldSpec, path: string): ProfileValues[string] | undefined {
    const node = e.valueNode;
    const scalar: Scalar | null = isScalar(node) ? node : null;
    switch (spec.type) {
      case 'enum': {
        if (!scalar || typeof scalar.value !== 'string') return this.wrongType(node ?? e.keyNode, path, spec);
        if (spec.values.includes(scalar.value)) return scalar.value;
        const guess = closest(scalar.value, spec.values);
        this.problem(
          scalar,
          both(
            `"${path}" must be one of ${spec.values.join(', ')}; "${scalar.value}" is not${guess ? ` (did you mean "${guess}"?)` : ''}.`,
            `"${path}" 只能取 ${spec.values.join('、')}，不能是 "${scalar.value}"${guess ? `（是否想写 "${guess}"？）` : ''}。`,
          ),
          guess ? replaceScalarFix(this.text, scalar, guess, both(`Change to "${guess}"`, `改为 "${guess}"`)) : undefined,
        );
        return undefined;
      }
      case 'boolean':
        if (scalar && typeof scalar.value === 'boolean') return scalar.value;
        return this.wrongType(node ?? e.keyNode, path, spec);
      case 'string':
        if (scalar && typeof scalar.value === 'string' && scalar.value !== '') return scalar.value;
        return this.wrongType(node ?? e.keyNode, path, spec);
      case 'version': {
        const source = scalar && (typeof scalar.value === 'string' || typeof scalar.value === 'number') ? String(scalar.source ?? scalar.value) : '';
        if (/^v?\d+(\.\d+){0,2}$/.test(source)) return source.replace(/^v/, '');
        return this.wrongType(node ?? e.keyNode, path, spec);
      }
      case 'integer': {
        const raw = scalar ? scalar.value : undefined;
        const number = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
        if (!Number.isInteger(number)) return this.wrongType(node ?? e.keyNode, path, spec);
        if (number < spec.min || number > spec.max) {
          this.problem(
            scalar!,
            both(`"${path}" must be between ${spec.min} and ${spec.max}, not ${number}.`, `"${path}" 应在 ${spec.min} 到 ${spec.max} 之间，而不是 ${number}。`),
          );
          return undefined;
        }
        return number;
      }
      case 'stringList': {
        if (!isSeq(node)) return this.wrongType(node ?? e.keyNode, path, spec);
        const items: string[] = [];
        for (const item of node.items) {
          if (isScalar(item) && typeof item.value === 'string') items.push(item.value);
          else this.wrongType(item as Node, `${path}[]`, { type: 'string', doc: spec.doc });
        }
        return items;
      }
      case 'section':
        if (!isMap(node)) return this.wrongType(node ?? e.keyNode, path, spec);
        return this.readSection(node, spec.fields, path);
      case 'ruleMap':
        if (!isMap(node)) return this.wrongType(node ?? e.keyNode, path, spec);
        this.readRules(node);
        return undefined;
    }
  }

  private readRules(map: Node): void {
    // A set: a map of 20,000 unknown rule ids made a list lookup per id quadratic.
    const siblings = new Set(entries(isMap(map) ? map : null).map((e) => e.key));
    for (const e of entries(isMap(map) ? map : null)) {
      if (!this.knownRuleIds.includes(e.key)) {
        this.unknownRule(e, siblings);
        continue;
      }
      const value = isScalar(e.valueNode) ? e.valueNode.value : undefined;
      const setting = value === false ? 'off' : value;
      if (typeof setting === 'string' && (ruleSeverityValues as readonly string[]).includes(setting)) {
        this.rules.set(e.key, setting as SeveritySetting);
      } else {
        this.problem(
          e.valueNode ?? e.keyNode,
          both(
            `Severity of "${e.key}" must be one of ${ruleSeverityValues.join(', ')}, not ${shown(e.valueNode)}.`,
            `"${e.key}" 的级别只能是 ${ruleSeverityValues.join('、')}，而不是 ${shown(e.valueNode)}。`,
          ),
        );
      }
    }
  }

  private unknownRule(e: Entry, siblings: ReadonlySet<string>): void {
    const guess = closest(e.key, this.knownRuleIds);
    this.problem(
      e.keyNode,
      both(
        `Unknown rule "${e.key}"${guess ? `; did you mean "${guess}"?` : '.'}`,
        `没有名为 "${e.key}" 的规则${guess ? `，是否想写 "${guess}"？` : '。'}`,
      ),
      guess && !siblings.has(guess) ? replaceScalarFix(this.text, e.keyNode, guess, both(`Rename to "${guess}"`, `改为 "${guess}"`)) : undefined,
    );
  }

  readIgnore(values: ProfileValues): void {
    const list = values.ignore;
    if (Array.isArray(list)) this.ignore.push(...list);
  }

  missingCni(values: ProfileValues): void {
    // With `from:`, the CNI comes from the cluster configuration (problems there are reported on `from`).
    if (values.cni !== undefined || values.from !== undefined) return;
    const root = this.doc.contents;
    const cniEntry = isMap(root) ? entries(root).find((e) => e.key === 'cni') : undefined;
    if (cniEntry) return; // present but invalid: already reported on its value
    const anchor = (isMap(root) && root.items.length > 0 ? (root.items[0].key as Node) : root) ?? null;
    const message = both(
      'The profile does not say which CNI the cluster runs: add "cni: terway", "cni: terway-edge" or "cni: flannel".',
      '该配置没有说明集群使用哪种 CNI：请添加 "cni: terway"、"cni: terway-edge" 或 "cni: flannel"。',
    );
    if (anchor && anchor.range) this.problem(anchor, message);
    else this.problems.push({ start: 0, end: 0, message });
  }
}

/** One read per parsed document: profile-invalid and the cluster rules both need it in the same lint. */
const readCache = new WeakMap<Document, ProfileFileContent>();

/** Reads and checks the single document of a `.ack-cni.yaml` file. */
export function readProfileDocument(text: string, doc: Document, knownRuleIds: readonly string[]): ProfileFileContent {
  const cached = readCache.get(doc);
  if (cached) return cached;
  const content = readProfileDocumentOnce(text, doc, knownRuleIds);
  readCache.set(doc, content);
  return content;
}

function readProfileDocumentOnce(text: string, doc: Document, knownRuleIds: readonly string[]): ProfileFileContent {
  const reader = new ProfileReader(text, doc, knownRuleIds);
  const root = doc.contents;
  let values: ProfileValues = {};
  if (root && !isMap(root)) {
    reader.readSection(null, profileSchema, '');
    reader.problems.push({
      start: root.range?.[0] ?? 0,
      end: root.range?.[1] ?? 0,
      message: both('A .ack-cni.yaml file must be a map of keys such as "cni: terway".', '.ack-cni.yaml 必须是键值映射，例如 "cni: terway"。'),
    });
  } else {
    values = reader.readSection(root, profileSchema, '');
    reader.missingCni(values);
    reader.readIgnore(values);
  }
  return { values, rules: reader.rules, ignore: reader.ignore, problems: reader.problems };
}
