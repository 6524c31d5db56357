import { isScalar, type Node, type Scalar } from 'yaml';

export type KubectlType = 'string' | 'null' | 'bool' | 'int' | 'float';

const nulls = new Set(['', '~', 'null', 'Null', 'NULL']);
const bools = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE',
  'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE',
]);
const specialFloats = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '.nan', '.NaN', '.NAN']);
const goInteger = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
const yamlFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * How kubectl (sigs.k8s.io/yaml over go-yaml v2, i.e. YAML 1.1) types a plain scalar. This differs
 * from YAML 1.2: `yes`, `on`, `y` are booleans and `1_000` is an integer there. Timestamps stay strings.
 */
export function kubectlPlainType(source: string): KubectlType {
  if (nulls.has(source)) return 'null';
  if (bools.has(source)) return 'bool';
  if (specialFloats.has(source)) return 'float';
  if (!/^[-+0-9.]/.test(source)) return 'string';
  const plain = source.replace(/_/g, '');
  if (goInteger.test(plain)) return 'int';
  if (yamlFloat.test(plain)) return 'float';
  return 'string';
}

/** The type kubectl gives a node that stands as a value; null for "no node at all" (`key:`). */
export function kubectlType(node: Node | null): KubectlType | 'collection' {
  if (node === null) return 'null';
  if (!isScalar(node)) return 'collection';
  const tag = node.tag;
  if (tag) {
    const short = tag.slice(tag.lastIndexOf(':') + 1);
    if (short === 'str' || short === 'binary') return 'string';
    if (short === 'bool' || short === 'int' || short === 'float' || short === 'null') return short;
  }
  return (node as Scalar).type === 'PLAIN' ? kubectlPlainType(String((node as Scalar).source ?? '')) : 'string';
}

/** Whether `value` can be written as a plain scalar and still be read back by kubectl as that string. */
export function isSafePlainString(value: string): boolean {
  return /^[A-Za-z0-9_/][A-Za-z0-9_./-]*$/.test(value) && kubectlPlainType(value) === 'string';
}
