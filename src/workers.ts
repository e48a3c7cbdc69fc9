import cluster, { type Worker } from 'node:cluster';
import { banner, prepareDatabase, start, stopOnSignals } from './main.ts';
import type { Config } from './platform/config.ts';
import { openConfiguredDatabase } from './platform/db/index.ts';
import { answerClusterMetrics } from './platform/http/cluster-metrics.ts';
import { createLogger } from './platform/log.ts';

/** How long a worker may take to finish its requests and its job in hand once told to stop, before it is killed. */
const STOP_GRACE_MS = 30_000;
/** A worker that dies this soon after it started waits before it is replaced, so a broken start does not spin. */
const QUICK_DEATH_MS = 10_000;
const RESTART_DELAY_MS = 5_000;

/**
 * `sikoe serve --workers N` (PostgreSQL only): the primary process prepares the database once (migrations, reference
 * data), then forks N workers, each running the whole server: HTTP on the same port (node:cluster hands each
 * connection to one of them) and a job runner (jobs are claimed with FOR UPDATE SKIP LOCKED and recurring ones are
 * queued once, so each job runs once). What must hold across the workers lives in the database: sessions, rate
 * limits, spent form proofs, sign-in throttles, mail limits. A worker that dies is replaced; SIGTERM or SIGINT to the
 * primary stops every worker gracefully, then the primary.
 */
export async function serveWorkers(config: Config, workers: number): Promise<void> {
  if (cluster.isWorker) return serveAsWorker(config);
  const started = Date.now();
  const log = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config, { holder: { command: 'sikoe serve' } });
  let text: string;
  try {
    await prepareDatabase(database);
    await forkListening(workers);
    text = await banner(config, database, started, workers);
  } catch (err) {
    await stopWorkers();
    throw err;
  } finally {
    await database.close();
  }
  answerClusterMetrics();
  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (born.get(worker) ?? 0);
    log.warn({ worker: worker.process.pid, code, signal }, 'worker ended; starting another');
    setTimeout(() => !stopping && fork(), lived < QUICK_DEATH_MS ? RESTART_DELAY_MS : 0);
  });
  process.stdout.write(text);
  const stop = () => {
    stopping = true;
    return stopWorkers();
  };
  stopOnSignals(log, stop);
}

const born = new WeakMap<Worker, number>();

function fork(): Worker {
  const worker = cluster.fork();
  born.set(worker, Date.now());
  return worker;
}

/** Forks the workers and resolves once every one listens; rejects if one ends before. */
function forkListening(workers: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let listening = 0;
    for (let i = 0; i < workers; i++) {
      const worker = fork();
      const onExit = (code: number | null) => reject(new Error(`a worker ended (exit code ${code}) before it served`));
      worker.once('exit', onExit);
      worker.once('listening', () => {
        worker.off('exit', onExit);
        if (++listening === workers) resolve();
      });
    }
  });
}

/** Tells every worker to stop (SIGTERM: in-flight requests and the job in hand finish) and waits until all ended. */
async function stopWorkers(): Promise<void> {
  const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
  await Promise.all(
    alive.map(
      (worker) =>
        new Promise<void>((resolve) => {
          const kill = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
          worker.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}

/** One worker: the whole server on a database the primary has prepared; it stops too when the primary is gone. */
async function serveAsWorker(config: Config): Promise<void> {
  const { app, stop } = await start(config, undefined, undefined, { prepared: true });
  stopOnSignals(app.log, stop);
  process.once('disconnect', () => {
    app.log.warn('the primary process is gone; stopping');
    void stop().finally(() => process.exit(0));
  });
}
