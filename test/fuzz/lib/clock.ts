/**
 * What an input costs in time: the lesser of wall-clock time and the CPU time of the process that
 * did the work. On a machine shared with other jobs the wall clock also counts the time spent
 * waiting for a core (twice the cost at a load of four on two cores); on an idle one the CPU time
 * also counts the garbage collector's helper threads. Neither is the input's doing.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';

function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs `run` in this process and returns its result and cost. */
export function timed<T>(run: () => T): { result: T; ms: number } {
  const wall = performance.now();
  const cpu = ownCpuMs();
  const result = run();
  return { result, ms: Math.min(performance.now() - wall, ownCpuMs() - cpu) };
}

/** CPU time of another process so far (Linux /proc, in clock ticks: 10 ms at the usual USER_HZ of 100); undefined elsewhere. */
export function processCpuMs(pid: number | undefined): number | undefined {
  try {
    // The fields after the command name (which may hold spaces, hence the last ")"): utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Times a request answered by another process: the lesser of the wall clock and that process's CPU time. */
export async function timedRequest<T>(pid: number | undefined, send: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const wall = performance.now();
  const cpu = processCpuMs(pid);
  const result = await send();
  const wallMs = performance.now() - wall;
  const cpuAfter = processCpuMs(pid);
  return { result, ms: cpu === undefined || cpuAfter === undefined ? wallMs : Math.min(wallMs, cpuAfter - cpu) };
}
