// The HTTP side of the booking benchmark: one booking request per applicant over a kept-alive agent.
import http from 'node:http';
import type { IsoDate } from '../src/platform/calendar/wita.ts';
import type { Applicant } from './booking-fixture.ts';
import { drive, tally, type Outcome, type Phase } from './load.ts';

export function request(agent: http.Agent, port: number, applicant: Applicant, date: IsoDate): Promise<Outcome> {
  const body = JSON.stringify({ date });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/applications/${applicant.applicationId}/appointment`,
        headers: {
          authorization: `Bearer ${applicant.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'accept-language': 'en',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 201) return resolve('booked');
          try {
            const code = (JSON.parse(Buffer.concat(chunks).toString()) as { error?: { code?: string } }).error?.code;
            resolve(code ?? `http_${res.statusCode}`);
          } catch {
            resolve(`http_${res.statusCode}`);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function httpRun(
  agent: http.Agent,
  port: number,
  people: Applicant[],
  date: IsoDate,
  concurrency: number,
): Promise<Phase> {
  const outcomes: Outcome[] = [];
  const outcomeOf: Outcome[] = [];
  const latencies: number[] = [];
  const started = performance.now();
  let lastBookedAt = 0;
  const seconds = await drive(people.length, concurrency, async (i) => {
    const t0 = performance.now();
    const outcome = await request(agent, port, people[i]!, date).catch(
      (err: unknown) => `network_error(${(err as { code?: string }).code ?? 'unknown'})`,
    );
    const t1 = performance.now();
    latencies.push(t1 - t0);
    outcomes.push(outcome);
    outcomeOf[i] = outcome;
    if (outcome === 'booked') lastBookedAt = (t1 - started) / 1000;
  });
  return { attempts: people.length, seconds, outcomes: tally(outcomes), latencies, lastBookedAt, outcomeOf };
}
