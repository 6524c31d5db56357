/**
 * The node options the language server runs with, wherever it is started: by the extension
 * (client/src/extension.ts), by the tests' LSP client and by the benchmark.
 *
 * `--interrupt-budget` is how much bytecode a function runs before V8 considers optimizing it
 * (66 KB by default). The first lint of a large file runs through code that has not warmed up
 * yet, and at the default V8 optimized 118 functions during the lint of the 1 MB bench file,
 * many of them before their feedback had settled; with 512 KB it optimizes 58 of them, and the
 * first lint is about 20 ms (15%) faster on a 2-core machine (bench/README.md). Code that stays
 * hot, an edit's, is optimized all the same, a little later.
 */
export const serverExecArgv: readonly string[] = ['--interrupt-budget=524288'];
