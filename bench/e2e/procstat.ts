/**
 * CPU time and memory of a process tree from /proc (Linux): utime + stime of /proc/<pid>/stat (clock ticks; 100 per
 * second on Linux) summed over the process and its descendants, and VmRSS / VmHWM of /proc/<pid>/status.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

interface StatLine {
  pid: number;
  ppid: number;
  cpuTicks: number;
}

function readStat(pid: number): StatLine | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces: fields after the last ')' are fixed
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid = field 4, utime = 14, stime = 15
    return { pid, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

function allStats(): StatLine[] {
  const out: StatLine[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

/** CPU milliseconds used so far by the process and every live descendant. */
export function treeCpuMs(rootPid: number): number {
  return treeCpuFrom(allStats(), rootPid);
}

/** treeCpuMs of several processes from one read of /proc (cheap enough to sample every half second). */
export function treesCpuMs(rootPids: Record<string, number>): Record<string, number> {
  const stats = allStats();
  return Object.fromEntries(Object.entries(rootPids).map(([name, pid]) => [name, treeCpuFrom(stats, pid)]));
}

function treeCpuFrom(stats: StatLine[], rootPid: number): number {
  const children = new Map<number, StatLine[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let ticks = 0;
  const stack = stats.filter((s) => s.pid === rootPid);
  while (stack.length) {
    const s = stack.pop()!;
    ticks += s.cpuTicks;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Resident and peak resident memory in MiB (of the process itself, not its children). */
export function memoryMiB(pid: number): { rss: number; peak: number } {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** The CPU of this machine as a whole, to tell how busy both cores were. */
export function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: ((total - idle) * 1000) / TICKS_PER_SECOND, total: (total * 1000) / TICKS_PER_SECOND };
}
