import type { Locale } from '../l10n';

/** Where each rule's documentation page lives (the pages are generated into docs/rules/). */
export const repositoryUrl = 'https://github.com/ack-cni-lint/ack-cni-lint';

/** The rule's page in the reader's language (the Simplified Chinese pages live under zh-cn/). */
export function ruleDocsUrl(ruleId: string, locale: Locale = 'en'): string {
  return `${repositoryUrl}/blob/main/docs/rules/${locale === 'zh' ? 'zh-cn/' : ''}${ruleId}.md`;
}
