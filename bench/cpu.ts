// How much CPU a benchmark phase used, per thread and per process (Linux /proc), for bench/booking.ts.
import fs from 'node:fs';
import pg from 'pg';

/** CPU time spent during a phase, in ms. */
export type Cpu = {
  node: number;
  client: number | null;
  server: number | null;
  postgres: number | null;
  machine: Machine | null;
};
/** Shares of the whole machine's CPU time during a phase (Linux /proc/stat): stolen by the hypervisor, idle. */
export type Machine = { steal: number; idle: number };

export const clockTicks = 100; // USER_HZ on Linux

/** CPU time of one of this process's threads, in ms (Linux), or null. */
export function threadCpu(tid: number | null): number | null {
  if (tid === null) return null;
  try {
    const fields = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return null;
  }
}

export function machineTicks(): number[] | null {
  try {
    return fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  } catch {
    return null;
  }
}

/** The calling thread's id (Linux), for telling the server thread's CPU time apart. */
export function ownThreadId(): number | null {
  try {
    return Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1));
  } catch {
    return null;
  }
}

/**
 * CPU time spent during a phase: this process split into the load generator (the main thread), the server thread
 * and the rest (V8's garbage collection and compiler threads), and the database's PostgreSQL backends when they run
 * on this machine.
 */
export async function cpuMeter(url: string | null, serverTid: number | null): Promise<() => Promise<Cpu>> {
  const backends = async (): Promise<Map<number, number> | null> => {
    if (!url) return null;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      const ticks = new Map<number, number>();
      for (const { pid } of rows) {
        try {
          const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          ticks.set(pid, Number(fields[11]) + Number(fields[12]));
        } catch {
          return null; // not on this machine
        }
      }
      return ticks;
    } finally {
      await client.end();
    }
  };
  const node0 = process.cpuUsage();
  const client0 = threadCpu(process.pid);
  const server0 = threadCpu(serverTid);
  const pg0 = await backends();
  const machine0 = machineTicks();
  return async () => {
    const machine1 = machineTicks();
    const node = process.cpuUsage(node0);
    const client1 = threadCpu(process.pid);
    const server1 = threadCpu(serverTid);
    const pg1 = pg0 ? await backends() : null;
    let postgres: number | null = null;
    if (pg0 && pg1) {
      postgres = 0;
      for (const [pid, ticks] of pg1) postgres += ((ticks - (pg0.get(pid) ?? 0)) * 1000) / clockTicks;
    }
    const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
    let machine: Machine | null = null;
    if (machine0 && machine1) {
      const d = machine1.map((v, i) => v - machine0[i]!);
      const total = d.reduce((a, b) => a + b, 0) || 1;
      machine = { idle: (d[3]! + d[4]!) / total, steal: d[7]! / total };
    }
    return {
      node: (node.user + node.system) / 1000,
      client: delta(client0, client1),
      server: delta(server0, server1),
      postgres,
      machine,
    };
  };
}

export function describeCpu(cpu: Cpu, attempts: number, thread: string): string {
  const ms = (v: number) => `${(v / attempts).toFixed(2)} ms`;
  const parts: string[] = [];
  if (cpu.server !== null && cpu.client !== null && cpu.server > 0) {
    parts.push(
      `${thread} ${ms(cpu.server)}, load generator ${ms(cpu.client)}, other Node threads (GC, compiler) ${ms(cpu.node - cpu.server - cpu.client)}`,
    );
  } else parts.push(`Node ${ms(cpu.node)}`);
  if (cpu.postgres !== null) parts.push(`PostgreSQL ${ms(cpu.postgres)}`);
  const machine = cpu.machine
    ? `; machine: ${(cpu.machine.idle * 100).toFixed(0)}% idle, ${(cpu.machine.steal * 100).toFixed(0)}% stolen by the hypervisor`
    : '';
  return parts.join(', ') + machine;
}
