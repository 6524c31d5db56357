import { both } from '../../l10n';
import type { Report } from '../../engine/finding';
import type { Rule } from '../types';

interface TemplateRule extends Rule {
  reportAt(action: [number, number]): Report;
}

export const templateSkipped: TemplateRule = {
  id: 'template-skipped',
  title: both('Template file skipped', '跳过模板文件'),
  scope: 'file',
  defaultSeverity: 'hint',
  appliesTo: both('Every file, whatever the CNI.', '所有文件，与 CNI 无关。'),
  needsProfile: false,
  remediation: both('Lint the rendered output instead, for example the files that `helm template --output-dir` writes.', '请检查渲染后的结果，例如 `helm template --output-dir` 生成的文件。'),
  fixable: false,
  docs: {
    en: {
      what: 'The file holds Go/Helm template actions (`{{ … }}`) outside strings, or Helm built-ins such as `.Values`, so it is not the YAML that reaches the cluster.',
      why: 'Linting a template as YAML would give a flood of wrong findings. The file is skipped with this one hint instead.',
      fix: 'Render the chart (`helm template`) into files and lint those. A `{{ }}` inside a quoted or block string, such as a Prometheus alert text, does not make a file a template.',
    },
    zh: {
      what: '文件在字符串之外包含 Go/Helm 模板语法（`{{ … }}`），或使用了 `.Values` 等 Helm 内置对象，因此它并不是最终提交到集群的 YAML。',
      why: '把模板当作 YAML 检查会产生大量误报，因此跳过该文件，只给出这一条提示。',
      fix: '先用 `helm template` 渲染出文件，再检查渲染结果。引号或块字符串中的 `{{ }}`（例如 Prometheus 告警文本）不会让文件被视为模板。',
    },
    example: {
      bad: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-web\n',
      good: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: demo-web\n',
    },
    facts: [],
    sources: [],
  },
  reportAt([start, end]) {
    return {
      start,
      end,
      message: both(
        'This file is a Go/Helm template, not plain YAML: it is not checked. Lint the rendered output instead.',
        '该文件是 Go/Helm 模板而非普通 YAML，不会被检查。请检查渲染后的结果。',
      ),
    };
  },
};
