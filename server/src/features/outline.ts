/**
 * A line model of block YAML for completion. While a key is being typed the text is not valid
 * YAML (`k8s.al` with no colon turns the whole `annotations:` map into a scalar), so where the
 * cursor sits is read from indentation, the way the user sees it: each line is split into its
 * levels (`- ` items, then a `key:` or a scalar), and a level's parent is the nearest level above
 * it at a smaller column. Flow collections spanning lines are not modelled.
 */
import { LineIndex } from '../yaml/lineIndex';

export interface Level {
  type: 'item' | 'key' | 'scalar';
  /** Column of the level's first character (the dash, the key, the scalar). */
  column: number;
  /** Offset of that character. */
  start: number;
  /** Keys: the key as written, unquoted. */
  key?: string;
  /** Keys: offset just past the key (before the colon). */
  keyEnd?: number;
  /** Keys: the value text after the colon, without a trailing comment. */
  value?: string;
}

export interface OutlineLine {
  /** Empty, a comment, or the content of a block scalar: no structure. */
  blank: boolean;
  /** A `---` or `...` line. */
  separator: boolean;
  levels: Level[];
}

export interface LevelRef {
  line: number;
  level: number;
}

// A plain key runs up to the first `:` followed by a blank or the end (its trailing blanks are
// trimmed by the reader). Written as "anything but `#` or such a colon", greedily: the lazy
// `[^#]*?[ \t]*:` it replaces tried every split of a long run of blanks, seconds for one line.
const keyPattern = /^(?:"((?:[^"\\]|\\.)*)"[ \t]*|'((?:[^']|'')*)'[ \t]*|([^\s#'"{[](?:[^#:]|:(?![ \t]|$))*)):(?=[ \t]|$)/;

function stripComment(value: string): string {
  return value.replace(/(^|[ \t])#.*$/, '').trim();
}

/** The key at the start of `content`, if the content is `key:` followed by a space or the end. */
export function readKey(content: string): { key: string; length: number; rest: string } | undefined {
  const match = keyPattern.exec(content);
  if (!match) return undefined;
  const key = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2] !== undefined ? match[2].replace(/''/g, "'") : match[3].trimEnd();
  const quoted = match[1] ?? match[2];
  const length = quoted !== undefined ? quoted.length + 2 : match[3].trimEnd().length;
  return { key, length, rest: content.slice(match[0].length) };
}

/** The levels of one line's text from `column` on (`lineStart` is the offset of column 0). */
export function levelsOf(text: string, lineStart: number): Level[] {
  const levels: Level[] = [];
  let column = /^[ \t]*/.exec(text)![0].length;
  for (;;) {
    const rest = text.slice(column);
    const dash = /^-(?:[ \t]+|$)/.exec(rest);
    if (!dash) break;
    levels.push({ type: 'item', column, start: lineStart + column });
    column += dash[0].length;
  }
  const content = text.slice(column);
  if (content === '' || content.startsWith('#')) return levels;
  const key = readKey(content);
  if (key) {
    levels.push({ type: 'key', column, start: lineStart + column, key: key.key, keyEnd: lineStart + column + key.length, value: stripComment(key.rest) });
  } else {
    levels.push({ type: 'scalar', column, start: lineStart + column });
  }
  return levels;
}

const isBlockScalarHeader = (value: string | undefined) => value !== undefined && /^[|>][-+0-9]*$/.test(value);

export class Outline {
  readonly lines: OutlineLine[] = [];
  readonly index: LineIndex;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
    let blockColumn = -1; // inside a block scalar whose key sits at this column
    for (let line = 0; line < this.index.lineCount; line++) {
      const content = this.index.lineText(line);
      const indent = /^[ \t]*/.exec(content)![0].length;
      const empty = content.trim() === '' || content.trim().startsWith('#');
      if (blockColumn >= 0 && (empty || indent > blockColumn)) {
        this.lines.push({ blank: true, separator: false, levels: [] });
        continue;
      }
      blockColumn = -1;
      const separator = /^(---|\.\.\.)([ \t]|$)/.test(content);
      const levels = empty || separator ? [] : levelsOf(content, this.index.lineStart(line));
      const last = levels[levels.length - 1];
      if (last?.type === 'key' && isBlockScalarHeader(last.value)) blockColumn = last.column;
      this.lines.push({ blank: empty || separator, separator, levels });
    }
  }

  level(ref: LevelRef): Level {
    return this.lines[ref.line].levels[ref.level];
  }

  /** First line of the YAML document that holds `line` (after its `---`). */
  documentStart(line: number): number {
    for (let i = line; i >= 0; i--) if (this.lines[i].separator) return i + 1;
    return 0;
  }

  /** Line after the last line of the document that holds `line`. */
  documentEnd(line: number): number {
    for (let i = line + 1; i < this.lines.length; i++) if (this.lines[i].separator) return i;
    return this.lines.length;
  }

  /**
   * The parent of a key or item that sits at `column` on `line` (or would, once typed): the level
   * before it on the same line, else the nearest level above at a smaller column. Siblings above
   * (a key at the same column, an item at the same column) share the parent, so the search goes
   * on from them. A sequence written flush with its key (`key:` then `- a` at the same column)
   * has that key as parent. Null at the document root.
   */
  parentOf(line: number, column: number, type: 'key' | 'item', levelsBefore: Level[] = []): LevelRef | null {
    if (levelsBefore.length > 0) return { line, level: levelsBefore.length - 1 };
    const first = this.documentStart(line);
    for (let i = line - 1; i >= first; i--) {
      const levels = this.lines[i].levels;
      for (let k = levels.length - 1; k >= 0; k--) {
        const level = levels[k];
        if (level.column > column) continue;
        if (level.column < column) return { line: i, level: k };
        if (level.type === type) {
          // A sibling: its parent is ours. On its own line that is the level before it, if any.
          if (k > 0) return { line: i, level: k - 1 };
          break;
        }
        if (type === 'item' && level.type === 'key') return { line: i, level: k };
      }
    }
    return null;
  }

  /**
   * The chain of levels from the document root down to `ref`, root first. Built leaf first and
   * turned round once: a line of 40,000 `- ` made it quadratic (seconds per completion).
   */
  ancestry(ref: LevelRef | null): LevelRef[] {
    const chain: LevelRef[] = [];
    let current = ref;
    while (current) {
      chain.push(current);
      const level = this.level(current);
      // A level after others on its line has the one before it as parent (parentOf's first case).
      current = current.level > 0 ? { line: current.line, level: current.level - 1 } : this.parentOf(current.line, level.column, level.type === 'item' ? 'item' : 'key');
    }
    return chain.reverse();
  }

  /** The path of keys ('[]' for a sequence item) of a chain of levels. */
  pathOf(chain: readonly LevelRef[]): string[] {
    return chain.map((ref) => {
      const level = this.level(ref);
      return level.type === 'item' ? '[]' : level.key ?? '';
    });
  }

  /**
   * The keys directly under `parent` (the document root holding `line` when null), except those
   * on `skipLine`: the keys that start a line at the column of the first child, or that follow
   * `parent`'s own dash.
   */
  childKeys(parent: LevelRef | null, line: number, skipLine = -1): Map<string, Level> {
    const out = new Map<string, Level>();
    const add = (level: Level | undefined, at: number) => {
      if (level?.type === 'key' && at !== skipLine && !out.has(level.key!)) out.set(level.key!, level);
    };
    const parentLevel = parent ? this.level(parent) : undefined;
    let from = this.documentStart(line);
    let childColumn: number | undefined;
    if (parent) {
      from = parent.line + 1;
      const after = this.lines[parent.line].levels[parent.level + 1];
      if (parentLevel!.type === 'item' && after) {
        childColumn = after.column;
        add(after, parent.line);
      }
    }
    const end = this.documentEnd(Math.max(from - 1, 0));
    for (let i = from; i < end; i++) {
      const level = this.lines[i].levels[0];
      if (!level) continue;
      if (parentLevel && level.column <= parentLevel.column) break;
      childColumn ??= level.column;
      if (level.column < childColumn) break;
      if (level.column === childColumn) add(level, i);
    }
    return out;
  }
}

/** A scalar as written in a `key: value` line, unquoted. */
export function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}
