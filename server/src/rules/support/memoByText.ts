/**
 * A pure function of a short text, remembered for the texts it last saw. Bandwidth values repeat
 * across a repository's manifests (`10M` on every pod), and the exact BigInt arithmetic that reads
 * and describes them is most of what the rules spend on a large file the first time, before the
 * engine has warmed up. Long texts are computed every time: a hostile value must not stay in memory.
 */
export function memoByText<T>(compute: (text: string) => T, capacity = 256): (text: string) => T {
  const remembered = new Map<string, T>();
  return (text) => {
    if (remembered.has(text)) return remembered.get(text)!;
    const value = compute(text);
    if (text.length <= maxRememberedLength) {
      if (remembered.size >= capacity) remembered.clear();
      remembered.set(text, value);
    }
    return value;
  };
}

const maxRememberedLength = 64;
