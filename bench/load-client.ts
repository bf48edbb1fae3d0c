// A second process that loads one URL with autocannon and prints {requestsPerSecond, p95Ms, ...} as JSON.
import autocannon from 'autocannon';

const [url, durationSeconds, connections, token, timeoutSeconds] = process.argv.slice(2);
if (!url || !durationSeconds || !connections || !token)
  throw new Error('usage: load-client <url> <seconds> <connections> <token> [timeout-seconds]');

const latencies: number[] = [];
const statuses = new Map<number, number>();
const percentile = (p: number) => latencies[Math.max(0, Math.ceil(p * latencies.length) - 1)] ?? NaN;

const instance = autocannon(
  {
    url,
    duration: Number(durationSeconds),
    connections: Number(connections),
    headers: { authorization: `Bearer ${token}` },
    // A slow page is measured, not dropped: autocannon's default gives up after 10 s.
    ...(timeoutSeconds ? { timeout: Number(timeoutSeconds) } : {}),
  },
  (error, result) => {
    if (error) throw error;
    latencies.sort((a, b) => a - b);
    process.stdout.write(
      JSON.stringify({
        requests: latencies.length,
        requestsPerSecond: Math.round((latencies.length / Number(durationSeconds)) * 10) / 10,
        p50Ms: Math.round(percentile(0.5)),
        p95Ms: Math.round(percentile(0.95)),
        p99Ms: Math.round(percentile(0.99)),
        errors: result.errors,
        timeouts: result.timeouts,
        statuses: Object.fromEntries(statuses),
      }),
    );
  },
);
// autocannon's own percentiles skip p95: every response time is kept and ranked here instead.
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
});
