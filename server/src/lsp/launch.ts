/**
 * The node options the language server runs with, wherever it is started: by the extension
 * (client/src/extension.ts), by the tests' LSP client and by the benchmark.
 *
 * `--interrupt-budget` is how much bytecode a function runs before V8 considers optimizing it
 * (66 KB by default). The first lint of a large file runs through code that has not warmed up
 * yet, and at the default V8 optimized 52 functions during the lint of the 1 MB bench file (and
 * threw away the optimized code of 3 when their feedback turned out unsettled); with 512 KB it
 * optimizes 15, and a fresh server's first open of that file is about 20 ms (15%) faster on a
 * 2-core machine (bench/README.md). Code that stays hot, an edit's, is optimized all the same.
 */
export const serverExecArgv: readonly string[] = ['--interrupt-budget=524288'];
