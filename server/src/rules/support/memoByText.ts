/**
 * A pure function of a short text, remembered for the texts it last saw. Bandwidth values repeat
 * across a repository's manifests (`10M` on every pod), and the exact BigInt arithmetic that reads
 * and describes them runs slowly in code that has not warmed up: remembering took the rules' share
 * of a fresh server's first open of the bench's 1 MB file from 47 to 41 ms. Long texts are
 * computed every time: a hostile value must not stay in memory.
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
