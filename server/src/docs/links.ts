/** Where each rule's documentation page lives (the pages are generated into docs/rules/). */
export const repositoryUrl = 'https://github.com/ack-cni-lint/ack-cni-lint';

export function ruleDocsUrl(ruleId: string): string {
  return `${repositoryUrl}/blob/main/docs/rules/${ruleId}.md`;
}
