/**
 * The localisation layer: every user-facing string is a `Localized` pair, chosen at the edge
 * (diagnostic, hover, CLI line) by the client's or the terminal's locale.
 */
export type Locale = 'en' | 'zh';

export interface Localized {
  en: string;
  zh: string;
}

/** Maps an LSP/VS Code or POSIX locale ("zh-cn", "zh_CN.UTF-8", "en-US") to a supported locale. */
export function toLocale(raw: string | undefined | null): Locale {
  if (!raw) return 'en';
  const lower = raw.toLowerCase().replace('_', '-');
  return lower === 'zh' || lower.startsWith('zh-cn') || lower.startsWith('zh-hans') || lower.startsWith('zh-sg') ? 'zh' : 'en';
}

export function pick(text: Localized, locale: Locale): string {
  return text[locale];
}

/** Builds a localized text from the same parameters in both languages. */
export function both(en: string, zh: string): Localized {
  return { en, zh };
}

/**
 * A whole number with thousands separators (65,536), the same in both locales. Written out rather
 * than `toLocaleString`, whose first call loads ICU's data: 9 ms of a fresh server's first lint.
 */
export function groupedNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
