import http from 'node:http';
import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';

/**
 * An HTTP load generator in a process of its own (so it does not share the server's event loop):
 * `closed` keeps `concurrency` requests in flight for `seconds`; `rate` sends `rps` requests a
 * second whatever the answers take (an open model, so slow answers show in the latency).
 */
interface Job {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Replaced by a counter in the body, so every POST is a new claim. */
  unique?: string;
  headers?: Record<string, string>;
  /** The address requests are sent from (another 127.x address is another client to the server). */
  localAddress?: string;
  mode: 'closed' | 'rate';
  concurrency?: number;
  rps?: number;
  seconds: number;
  /** Also answer every latency, so runs taken in turn can be merged. */
  samples?: boolean;
  /**
   * Run at the lowest CPU priority: a load standing for clients on other machines, whose own
   * work (building requests, reading answers) must not take the cores the service runs on.
   */
  lowPriority?: boolean;
}

async function main() {
  const [arg] = process.argv.slice(2);
  if (!arg) throw new Error('usage: node load-http.js <job as JSON>');
  const job = JSON.parse(arg) as Job;
  if (job.lowPriority) setPriority(19);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(job.concurrency ?? 64, 64) });
  const target = new URL(job.url);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let counter = 0;
  const send = () =>
    new Promise<void>((resolve) => {
      const body = job.body && job.unique ? job.body.replaceAll(job.unique, `${process.pid}-${counter++}`) : job.body;
      const start = performance.now();
      const req = http.request(
        {
          agent,
          localAddress: job.localAddress,
          host: target.hostname,
          port: target.port,
          method: job.method,
          path: job.path,
          headers: {
            ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
            ...job.headers,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - start);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        statuses.error = (statuses.error ?? 0) + 1;
        resolve();
      });
      if (body) req.write(body);
      req.end();
    });
  const deadline = performance.now() + job.seconds * 1000;
  const begin = performance.now();
  if (job.mode === 'closed') {
    await Promise.all(
      Array.from({ length: job.concurrency ?? 16 }, async () => {
        while (performance.now() < deadline) await send();
      }),
    );
  } else {
    const interval = 1000 / (job.rps ?? 1000);
    const inFlight: Promise<void>[] = [];
    for (let next = performance.now(); next < deadline; next += interval) {
      const wait = next - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(send());
    }
    await Promise.all(inFlight);
  }
  const seconds = (performance.now() - begin) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const samples = job.samples ? { latencies: latencies.map((ms) => Math.round(ms * 100) / 100) } : {};
  process.stdout.write(
    JSON.stringify({ count: latencies.length, rate: latencies.length / seconds, p50: at(50), p99: at(99), statuses, ...samples }),
  );
  agent.destroy();
}

void main();
