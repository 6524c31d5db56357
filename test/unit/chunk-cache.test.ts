import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkCache } from '../../server/src/engine/chunkCache';

/** Runs the cache over chunks as the engine does: each looked up in order, worked out (here: its length) when missing. */
function run(cache: ChunkCache<number>, key: string, chunks: readonly string[], complete = true): { values: number[]; worked: string[] } {
  const current = cache.begin(key);
  const worked: string[] = [];
  const values = chunks.map((chunk) => {
    const found = current.get(chunk);
    if (found !== undefined) return found;
    worked.push(chunk);
    current.set(chunk, chunk.length);
    return chunk.length;
  });
  if (complete) current.end();
  return { values, worked };
}

test('a completed run: the next finds its chunks in place and works out only the new one', () => {
  const cache = new ChunkCache<number>();
  assert.deepEqual(run(cache, 'k', ['a', 'bb', 'ccc']).worked, ['a', 'bb', 'ccc']);
  assert.deepEqual(run(cache, 'k', ['a', 'bbx', 'ccc']), { values: [1, 3, 3], worked: ['bbx'] });
});

test('what a completed run did not use is dropped', () => {
  const cache = new ChunkCache<number>();
  run(cache, 'k', ['a', 'bb', 'ccc']);
  run(cache, 'k', ['a', 'ccc']);
  assert.deepEqual(run(cache, 'k', ['a', 'bb', 'ccc']).worked, ['bb']);
});

test('a run that did not complete: the next finds its chunks by text, wherever they now are', () => {
  const cache = new ChunkCache<number>();
  run(cache, 'k', ['a', 'bb', 'ccc', 'dddd'], false);
  assert.deepEqual(run(cache, 'k', ['new', 'x', 'y', 'dddd', 'a']).worked, ['new', 'x', 'y']);
  // Once that run completed, the unfinished run's other chunks are gone.
  assert.deepEqual(run(cache, 'k', ['bb']).worked, ['bb']);
});

test('other options start from an empty cache, and a run of the old options neither stores nor prunes', () => {
  const cache = new ChunkCache<number>();
  run(cache, 'k', ['a', 'bb']);
  const stale = cache.begin('k');
  assert.deepEqual(run(cache, 'other', ['a', 'bb']).worked, ['a', 'bb']);
  stale.set('zz', 2);
  stale.end();
  assert.equal(stale.get('a'), undefined);
  assert.deepEqual(run(cache, 'other', ['a', 'zz']).worked, ['zz']);
});

test('identical chunks in one run are worked out once (a stream of one document repeated shares one result)', () => {
  const cache = new ChunkCache<number>();
  assert.deepEqual(run(cache, 'k', ['a', 'bb', 'a', 'a', 'bb']), { values: [1, 2, 1, 1, 2], worked: ['a', 'bb'] });
});

test('find: a chunk of the last completed run or of a later unfinished one, by text, without starting a run', () => {
  const cache = new ChunkCache<number>();
  assert.equal(cache.find('a'), undefined);
  run(cache, 'k', ['a', 'bb']);
  run(cache, 'k', ['a', 'ccc'], false);
  assert.deepEqual(['a', 'bb', 'ccc', 'dddd'].map((text) => cache.find(text)), [1, 2, 3, undefined]);
  run(cache, 'k', ['ccc']);
  assert.deepEqual(['a', 'bb', 'ccc'].map((text) => cache.find(text)), [undefined, undefined, 3]);
});
