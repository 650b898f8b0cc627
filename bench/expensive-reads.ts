import { expensiveReadsHammered } from './expensive-reads.bench';
import { benchServer, generatedStore } from './http.bench';
import { line } from './measure';

/**
 * `npm run build && node dist/bench/expensive-reads.js [claims] [seconds] [clients]`: the p99 of
 * writes and cheap reads while anonymous clients hammer expensive reads, beside the same alone;
 * once with the default budget of expensive reads, once with the budget lifted, on one store.
 */
async function main() {
  const [claims = 20_000, seconds = 30, clients = 4] = process.argv.slice(2).map(Number);
  console.log(`generating a campaign of ${claims.toLocaleString('en')} claims…`);
  const file = await generatedStore(claims);
  const runs: [string, Record<string, string>][] = [
    ['with the default budget', {}],
    ['with the budget lifted', { RATE_LIMIT_EXPENSIVE_READS: '1000000000' }],
  ];
  for (const [label, env] of runs) {
    const server = await benchServer(file, env);
    try {
      const hammering = { clients, seconds, day: '2024-12-10', knownAt: Math.floor(claims / 2) };
      for (const result of await expensiveReadsHammered(server, hammering))
        console.log(`${label}: ${line(result)}; ${result.notes}`);
    } finally {
      await server.kill();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
