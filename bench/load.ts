// What the booking benchmark's two sides share: running tasks at a concurrency, counting outcomes.
import type { Cpu } from './cpu.ts';

/** 'booked', or the error code a refusal answered with. */
export type Outcome = string;
export type Phase = {
  attempts: number;
  seconds: number;
  outcomes: Record<Outcome, number>;
  latencies: number[];
  cpu?: Cpu;
  lastBookedAt?: number;
};

/** Runs `count` tasks with at most `concurrency` in flight; returns the wall time in seconds. */
export async function drive(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

export function tally(outcomes: Outcome[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}
