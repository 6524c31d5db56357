// The injection grammar against the YAML grammar VS Code really ships (code-server 4.100.3's copy):
// suppression comments and k8s.aliyun.com/ keys get our scopes, and YAML around them still
// tokenizes as before. Needs the runner installed (test/e2e/install.sh); uses vscode-textmate,
// the tokenizer VS Code uses, with the Oniguruma regex engine.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const yamlSyntaxes = join(root, 'test/e2e/runner/node_modules/code-server/lib/vscode/extensions/yaml/syntaxes');

async function yamlGrammar() {
  const textmate = require('vscode-textmate');
  const oniguruma = require('vscode-oniguruma');
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammars = new Map();
  for (const file of readdirSync(yamlSyntaxes)) grammars.set(JSON.parse(readFileSync(join(yamlSyntaxes, file), 'utf8')).scopeName, join(yamlSyntaxes, file));
  grammars.set('ack-cni.injection', join(root, 'syntaxes/ack-cni.injection.tmLanguage.json'));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (grammars.has(scope) ? textmate.parseRawGrammar(readFileSync(grammars.get(scope), 'utf8'), grammars.get(scope)) : null),
    getInjections: (scope) => (scope === 'source.yaml' ? ['ack-cni.injection'] : []),
  });
  const grammar = await registry.loadGrammar('source.yaml');
  return (lines) => {
    let state = textmate.INITIAL;
    const tokens = [];
    for (const line of lines) {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      for (const token of result.tokens) tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    return (text) => tokens.find((token) => token.text === text)?.scopes ?? [];
  };
}

const checks = [
  ['a block key: vendor prefix and name scoped', (scopes) => scopes('k8s.aliyun.com/').includes('support.type.vendor-prefix.aliyun.ack-cni') && scopes('ingress-bandwidth').includes('support.type.property-name.aliyun.ack-cni')],
  ['the value after it is still a plain YAML value', (scopes) => scopes('10M').includes('string.unquoted.plain.out.yaml')],
  ['a quoted key', (scopes) => scopes('pod-ip-reservation').includes('support.type.property-name.aliyun.ack-cni')],
  ['a key in a flow map', (scopes) => scopes('pod-eni').includes('support.type.property-name.aliyun.ack-cni')],
  ['a k8s.aliyun.com/ value is not a key', (scopes) => !scopes('k8s.aliyun.com/not-a-key').some((s) => s.includes('ack-cni'))],
  ['the next key is a YAML key as before', (scopes) => scopes('next').includes('entity.name.tag.yaml') && scopes('next').includes('meta.map.key.yaml')],
  ['a suppression comment: directive and rule ids', (scopes) => scopes('ack-cni-disable-next-line').includes('keyword.control.directive.suppression.ack-cni') && scopes('dual-stack-unsupported').includes('constant.other.rule-id.ack-cni')],
  ['an end-of-line directive', (scopes) => scopes('ack-cni-disable-line').includes('keyword.control.directive.suppression.ack-cni')],
  ['an ordinary comment is left alone', (scopes) => !scopes(' plain comment').some((s) => s.includes('ack-cni'))],
];

const fixture = [
  'metadata:',
  '  annotations:',
  '    # ack-cni-disable-next-line bandwidth-unsupported, dual-stack-unsupported',
  '    k8s.aliyun.com/ingress-bandwidth: 10M',
  "    'k8s.aliyun.com/pod-ip-reservation': \"true\"",
  '    note: k8s.aliyun.com/not-a-key',
  '    next: value # plain comment',
  '  labels: {k8s.aliyun.com/pod-eni: x}',
  'kind: Pod # ack-cni-disable-line network-policy-unsupported',
];

export async function runGrammarCheck() {
  const outcome = { name: 'grammar', passes: 0, failures: 0, pending: 0, failed: [] };
  const scopes = (await yamlGrammar())(fixture);
  for (const [name, check] of checks) {
    if (check(scopes)) outcome.passes++;
    else {
      outcome.failures++;
      outcome.failed.push(name);
      console.log(`    ✗ ${name}`);
    }
  }
  return outcome;
}
