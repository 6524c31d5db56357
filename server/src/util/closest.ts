/** One row of the distance table, kept between calls: closest() may be asked thousands of times in one lint. */
let row = new Int32Array(64);

/**
 * The edit distance of two words, or `limit` when it is `limit` or more: a row whose every cell
 * has reached the limit ends the count, since the cells only grow from there.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (row.length <= b.length) row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const letter = a.charCodeAt(i - 1);
    let diagonal = row[0];
    row[0] = i;
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      let cell = diagonal + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      if (above + 1 < cell) cell = above + 1;
      if (row[j - 1] + 1 < cell) cell = row[j - 1] + 1;
      row[j] = cell;
      diagonal = above;
      if (cell < smallest) smallest = cell;
    }
    if (smallest >= limit) return limit;
  }
  return Math.min(row[b.length], limit);
}

const normalise = (s: string) => s.toLowerCase().replace(/[-_\s.]/g, '');

interface PreparedCandidates {
  normalised: string[];
  lower: string[];
}

/**
 * Candidate lists are tables (rule ids, keys, enum values) asked about once per unknown word: a
 * profile with 20,000 unknown rule ids normalised every rule id 20,000 times, most of its lint time.
 */
const preparedLists = new WeakMap<readonly string[], PreparedCandidates>();

function prepared(candidates: readonly string[]): PreparedCandidates {
  let lists = preparedLists.get(candidates);
  if (!lists) {
    lists = { normalised: candidates.map(normalise), lower: candidates.map((c) => c.toLowerCase()) };
    preparedLists.set(candidates, lists);
  }
  return lists;
}

/**
 * The candidate a slip most likely meant: a case-insensitive or punctuation-insensitive match
 * first, else the nearest by edit distance within a third of the word's length.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const { normalised, lower } = prepared(candidates);
  const exact = candidates[normalised.indexOf(normalise(word))];
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  const lowerWord = word.toLowerCase();
  candidates.forEach((candidate, i) => {
    // The distance is at least the difference in length: no need to compute it then (a profile
    // with thousands of unknown rule ids compares each with every rule).
    if (Math.abs(candidate.length - lowerWord.length) >= bestDistance) return;
    const distance = editDistance(lowerWord, lower[i], bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  });
  return best;
}
