/**
 * Memory must stay bounded: peak RSS of each process against a fixed ceiling. The ceilings are
 * set from measured runs with room to spare (see the figures `npm run fuzz` prints); the 50 MB
 * hostile file is what sets them for the engine and the CLI, which lint it whole.
 */
import type { FuzzReport } from './run';

export function memoryBoundsKb(): { main: number; cli: number; server: number } {
  return { main: 3 * 1024 * 1024, cli: 3 * 1024 * 1024, server: 1024 * 1024 };
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
