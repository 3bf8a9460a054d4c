// The chain workspace's answers on the demo data, as demo-leader: GET /api/chains/{code}/map for each
// of the 15 chains and GET /api/chains/health, the first (uncached) request and then warm sequential ones.
import { chainHealthResponse } from '../shared/contracts/chain-map.js';
import { demoCookie, percentile, withServer } from './bench-server.js';

async function timed(url: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return performance.now() - t0;
}

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms`;
};

export function benchChainMap(dataDir: string, port: number): Promise<string[]> {
  return withServer(dataDir, port, {}, async (base) => {
    const cookie = await demoCookie(base, 'demo-leader');
    const healthUrl = `${base}/api/chains/health`;
    const healthFirst = await timed(healthUrl, cookie);
    const ranking = chainHealthResponse.parse(await (await fetch(healthUrl, { headers: { cookie } })).json());
    const healthWarm: number[] = [];
    for (let i = 0; i < 10; i++) healthWarm.push(await timed(healthUrl, cookie));
    const mapFirst: number[] = [];
    const mapWarm: number[] = [];
    for (const item of ranking.items) mapFirst.push(await timed(`${base}/api/chains/${item.code}/map`, cookie));
    for (let round = 0; round < 3; round++) {
      for (const item of ranking.items) mapWarm.push(await timed(`${base}/api/chains/${item.code}/map`, cookie));
    }
    return [
      `/api/chains/health ${ranking.period} (${ranking.items.length} chains): first ${healthFirst.toFixed(0)} ms; 10 sequential: ${summary(healthWarm)}`,
      `/api/chains/{code}/map ${ranking.period}, 15 chains: first request each ${summary(mapFirst)}; 45 sequential after: ${summary(mapWarm)}`,
    ];
  });
}
