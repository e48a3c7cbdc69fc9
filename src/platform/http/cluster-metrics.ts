import cluster from 'node:cluster';
import client from 'prom-client';

const REQUEST = 'sikoe:cluster-metrics-request';
const ANSWER = 'sikoe:cluster-metrics';
const TIMEOUT_MS = 5_000;

type Answer = { type: typeof ANSWER; id: number; text?: string; error?: string };
const isAnswer = (message: unknown): message is Answer => (message as { type?: unknown })?.type === ANSWER;

let nextId = 0;

/**
 * What /metrics answers: in a worker of `serve --workers N`, every worker's metrics added up by the primary (a scrape
 * reaches one worker, which would otherwise report its share only); elsewhere, the registry's own.
 */
export function metricsSource(registry: client.Registry): () => Promise<string> {
  if (!cluster.isWorker || !process.send) return () => registry.metrics();
  // From here the worker answers the primary's requests for its registry (prom-client's own messages).
  client.AggregatorRegistry.setRegistries([registry]);
  new client.AggregatorRegistry();
  return askPrimary;
}

function askPrimary(): Promise<string> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => settle(new Error('the primary process did not answer')), TIMEOUT_MS);
    const onMessage = (message: unknown) => {
      if (!isAnswer(message) || message.id !== id) return;
      settle(message.error === undefined ? undefined : new Error(message.error), message.text);
    };
    function settle(err?: Error, text = '') {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (err) reject(err);
      else resolve(text);
    }
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id });
  });
}

/** In the primary: answers the workers' requests for the whole cluster's metrics. */
export function answerClusterMetrics(): void {
  const aggregator = new client.AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: unknown; id?: unknown }) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id: message.id, text }),
      (err: unknown) => worker.send({ type: ANSWER, id: message.id, error: (err as Error).message }),
    );
  });
}
