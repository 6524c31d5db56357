/**
 * Failing fuzz inputs kept as regression fixtures: small files under test/fuzz/regressions/,
 * whose first line says what the input caught; the rest is the input. test/fuzz/fuzz.test.ts
 * runs each through the engine checks on every `npm test`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWithEngine } from './engineCheck';
import type { MutatedInput } from './run';
import type { InputKind } from './seeds';

export const regressionsDir = path.resolve(__dirname, '../regressions');
/** Larger inputs are reported by seed instead: `npm run fuzz -- --seed S` rebuilds them. */
const maxFixtureBytes = 64 * 1024;

export interface Regression {
  file: string;
  caught: string;
  kind: InputKind;
  text: string;
}

function kindOfFixture(file: string): InputKind {
  if (file.endsWith('.ack-cni.yaml')) return 'profile';
  return file.endsWith('.tf') ? 'terraform' : 'manifest';
}

export function readRegressions(): Regression[] {
  if (!fs.existsSync(regressionsDir)) return [];
  return fs
    .readdirSync(regressionsDir)
    .filter((name) => !name.endsWith('.md'))
    .sort()
    .map((name) => {
      const raw = fs.readFileSync(path.join(regressionsDir, name), 'utf8');
      const newline = raw.indexOf('\n');
      return { file: name, caught: raw.slice(0, newline), kind: kindOfFixture(name), text: raw.slice(newline + 1) };
    });
}

/** Engine failures that are not about time (those depend on the machine). */
function engineFails(input: MutatedInput, text: string): boolean {
  return checkWithEngine({ name: input.name, text, kind: input.kind, seed: input.seed, isJson: input.fileName.endsWith('.json') }).failures.some((f) => !f.overrun);
}

/** Drops runs of lines while the engine still fails, so the fixture shows what matters. */
function minimize(input: MutatedInput): string {
  let lines = input.text.split('\n');
  if (!engineFails(input, input.text)) return input.text;
  let checks = 0;
  for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && checks < 400; chunk = chunk === 1 ? 0 : Math.max(1, chunk >> 1)) {
    for (let from = 0; from < lines.length && checks < 400; ) {
      const candidate = [...lines.slice(0, from), ...lines.slice(from + chunk)];
      checks++;
      if (candidate.length > 0 && engineFails(input, candidate.join('\n'))) lines = candidate;
      else from += chunk;
    }
  }
  return lines.join('\n');
}

/** Writes the fixture and returns its path; undefined when the input is too large to keep. */
export function writeRegression(input: MutatedInput, caught: string): string | undefined {
  const text = minimize(input);
  if (Buffer.byteLength(text, 'utf8') > maxFixtureBytes) return undefined;
  const extension = input.kind === 'profile' ? '.ack-cni.yaml' : input.kind === 'terraform' ? '.tf' : input.fileName.endsWith('.json') ? '.json' : '.yaml';
  const file = path.join(regressionsDir, `seed-${input.seed}${extension}`);
  const header = `# fuzz regression: ${caught.replace(/\s+/g, ' ').slice(0, 300)} (from ${input.origin} by ${input.applied.join(', ')})`;
  fs.mkdirSync(regressionsDir, { recursive: true });
  fs.writeFileSync(file, `${header}\n${text}`);
  return file;
}
