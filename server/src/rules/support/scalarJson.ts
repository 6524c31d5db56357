import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Scalar } from 'yaml';
import { both, type Localized } from '../../l10n';
import { scalarSource } from '../../yaml/scalarSource';
import { jsonTooDeepAt, maxJsonDepth } from '../../util/jsonDepth';

export type { JsonNode };

/**
 * JSON written in a YAML string scalar (an annotation value, a ConfigMap key), parsed with
 * positions that point back into the YAML file.
 */
export interface ScalarJson {
  /** The parsed tree; undefined when the value holds no JSON value at all. */
  root: JsonNode | undefined;
  /** The first syntax error: Go's decoder stops there, so later ones are noise. */
  error: ParseError | undefined;
  /** Source range of that error, at least one character wide when the value has any. */
  errorSpan: [number, number] | undefined;
  /** Source range of a JSON node; the whole scalar when the value cannot be traced exactly. */
  span(node: JsonNode): [number, number];
  /** Source range of [offset, offset + length) of the value. */
  spanAt(offset: number, length: number): [number, number];
}

/** Parses a string scalar's value as strict JSON (no comments, no trailing commas), as Go would. */
export function parseScalarJson(text: string, scalar: Scalar & { value: string }): ScalarJson {
  const errors: ParseError[] = [];
  const deepAt = jsonTooDeepAt(scalar.value);
  if (deepAt !== undefined) errors.push({ error: tooDeep, offset: deepAt, length: 1 });
  const root = deepAt === undefined ? parseTree(scalar.value, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }) : undefined;
  const source = scalarSource(text, scalar);
  const whole: [number, number] = [scalar.range![0], scalar.range![1]];
  const spanAt = (offset: number, length: number): [number, number] => (source ? source.span(offset, offset + length) : whole);
  const error = errors[0];
  return {
    root,
    error,
    errorSpan: error ? spanAt(...visibleErrorRange(error, scalar.value.length)) : undefined,
    span: (node) => spanAt(node.offset, node.length),
    spanAt,
  };
}

/** An error at the very end of the value still covers its last character, so the editor shows it. */
function visibleErrorRange(error: ParseError, valueLength: number): [number, number] {
  if (valueLength === 0) return [0, 0];
  const start = Math.min(error.offset, valueLength - 1);
  return [start, Math.max(1, Math.min(error.length, valueLength - start))];
}

type ParseErrorName = ReturnType<typeof printParseErrorCode>;

/** Not one of jsonc-parser's codes: the value nests deeper than `maxJsonDepth` and was not parsed. */
const tooDeep = -1 as ParseError['error'];

const syntaxErrors: Partial<Record<ParseErrorName, Localized>> = {
  InvalidSymbol: both('unexpected character', '出现了非法字符'),
  InvalidNumberFormat: both('malformed number', '数字格式错误'),
  PropertyNameExpected: both('a quoted property name is expected', '此处应为带双引号的属性名'),
  ValueExpected: both('a value is expected', '此处缺少值'),
  ColonExpected: both('a colon is expected', '此处缺少冒号'),
  CommaExpected: both('a comma is expected', '此处缺少逗号'),
  CloseBraceExpected: both('a closing brace } is expected', '缺少右花括号 }'),
  CloseBracketExpected: both('a closing bracket ] is expected', '缺少右方括号 ]'),
  EndOfFileExpected: both('unexpected text after the JSON value', 'JSON 值之后还有多余内容'),
  InvalidCommentToken: both('JSON does not allow comments', 'JSON 不允许注释'),
  UnexpectedEndOfComment: both('JSON does not allow comments', 'JSON 不允许注释'),
  UnexpectedEndOfString: both('unterminated string', '字符串缺少结尾的双引号'),
  UnexpectedEndOfNumber: both('incomplete number', '数字不完整'),
  InvalidUnicode: both('malformed \\u escape', '\\u 转义格式错误'),
  InvalidEscapeCharacter: both('invalid escape in a string', '字符串中有非法转义'),
  InvalidCharacter: both('control character in a string', '字符串中含有控制字符'),
};

/** What went wrong, in words for a message. */
export function describeSyntaxError(error: ParseError): Localized {
  if (error.error === tooDeep) return both(`nested deeper than ${maxJsonDepth} levels`, `嵌套超过 ${maxJsonDepth} 层`);
  return syntaxErrors[printParseErrorCode(error.error)] ?? both('invalid JSON', 'JSON 格式错误');
}

/** A property of a JSON object with its key and value nodes (the value is missing after a syntax error). */
export interface JsonProperty {
  key: string;
  keyNode: JsonNode;
  valueNode: JsonNode | undefined;
}

export function jsonProperties(node: JsonNode | undefined): JsonProperty[] {
  if (node?.type !== 'object') return [];
  const out: JsonProperty[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode?.type === 'string') out.push({ key: String(keyNode.value), keyNode, valueNode });
  }
  return out;
}

export function jsonProperty(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  return jsonProperties(node).find((p) => p.key === key);
}

const typeNames: Record<JsonNode['type'], Localized> = {
  object: both('an object', '对象'),
  array: both('an array', '数组'),
  property: both('a property', '属性'),
  string: both('a string', '字符串'),
  number: both('a number', '数字'),
  boolean: both('a boolean', '布尔值'),
  null: both('null', 'null'),
};

/** "a string", "an array": a JSON type for messages. */
export function jsonTypeName(type: JsonNode['type']): Localized {
  return typeNames[type];
}

/** The expected shape of a JSON value, as a Go struct would decode it. */
export type JsonShape =
  | { type: 'string' | 'number' | 'boolean' }
  | { type: 'array'; items: JsonShape }
  | { type: 'object'; fields: Readonly<Record<string, JsonShape>> };

export interface ShapeProblems {
  /** `node` at `path` is not of the `expected` type (Go's decoder fails on it). */
  wrongType(node: JsonNode, expected: JsonShape['type'], path: string): void;
  /** A property that the struct at `path` has no field for (Go's decoder drops it). */
  unknownField(property: JsonProperty, known: readonly string[], path: string): void;
}

/**
 * Walks a JSON tree against a shape and reports wrong types and unknown fields. `null` is
 * accepted anywhere, as Go leaves the field at its zero value.
 */
export function checkJsonShape(node: JsonNode, shape: JsonShape, path: string, problems: ShapeProblems): void {
  if (node.type === 'null') return;
  if (node.type !== shape.type) {
    problems.wrongType(node, shape.type, path);
    return;
  }
  if (shape.type === 'array') {
    (node.children ?? []).forEach((item, index) => checkJsonShape(item, shape.items, `${path}[${index}]`, problems));
  } else if (shape.type === 'object') {
    const known = Object.keys(shape.fields);
    for (const property of jsonProperties(node)) {
      const field = Object.hasOwn(shape.fields, property.key) ? shape.fields[property.key] : undefined;
      if (!field) problems.unknownField(property, known, path);
      else if (property.valueNode) checkJsonShape(property.valueNode, field, `${path}.${property.key}`, problems);
    }
  }
}
