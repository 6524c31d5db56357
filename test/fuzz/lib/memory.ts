/**
 * Memory must stay bounded: peak RSS of each process against a fixed ceiling, set from measured
 * runs (see the figures `npm run fuzz` prints). The 50 MB hostile file sets them for the engine
 * and the CLI, which lint it whole: a full run measured 2.9 GB for the fuzz process (the engine
 * on the 50 MB file as each kind of file, with hover and completion), 1.4–1.7 GB for the CLI
 * and 0.94 GB for the server.
 */
import type { FuzzReport } from './run';

export function memoryBoundsKb(): { main: number; cli: number; server: number } {
  return { main: 3 * 1024 * 1024, cli: 2 * 1024 * 1024, server: 1024 * 1024 };
}

export function memoryProblems(report: FuzzReport): string[] {
  const bounds = memoryBoundsKb();
  const problems: string[] = [];
  const check = (what: string, peakKb: number, boundKb: number) => {
    if (peakKb > boundKb) problems.push(`${what} peak RSS ${Math.round(peakKb / 1024)} MB is over its bound of ${Math.round(boundKb / 1024)} MB`);
  };
  check('the fuzz process (engine, hover, completion)', report.mainPeakRssKb, bounds.main);
  check('the CLI', report.cli.peakRssKb, bounds.cli);
  check('the language server', report.lsp.peakRssKb, bounds.server);
  return problems;
}
