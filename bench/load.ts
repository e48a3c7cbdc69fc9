// What the booking benchmark's two sides share: running tasks at a concurrency, counting outcomes.
import { describeCpu, type Cpu } from './cpu.ts';

/** 'booked', or the error code a refusal answered with. */
export type Outcome = string;
export type Phase = {
  attempts: number;
  seconds: number;
  outcomes: Record<Outcome, number>;
  latencies: number[];
  cpu?: Cpu;
  lastBookedAt?: number;
  /** Statements the driver sent during the phase. */
  roundTrips?: number;
  /** Each attempt's outcome, in the order of the people given. */
  outcomeOf?: Outcome[];
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

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export function describePhase(label: string, phase: Phase, thread: string): string[] {
  const sorted = [...phase.latencies].sort((a, b) => a - b);
  const { booked = 0, ...refused } = phase.outcomes;
  const reasons = Object.entries(refused)
    .sort(([, a], [, b]) => b - a)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    `${label}: ${phase.attempts} attempts in ${phase.seconds.toFixed(2)} s → ${(phase.attempts / phase.seconds).toFixed(0)} attempts/s`,
    `  booked ${booked}${booked > 0 && phase.lastBookedAt ? ` (the last after ${phase.lastBookedAt.toFixed(2)} s)` : ''}, refused ${phase.attempts - booked}${reasons ? ` (${reasons})` : ''}`,
    `  latency p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? NaN)}`,
    ...(phase.cpu ? [`  CPU per attempt: ${describeCpu(phase.cpu, phase.attempts, thread)}`] : []),
  ];
}
