export interface EndpointWatch {
  stop(): void;
}

/**
 * For a service whose process this code does not own (moto's launcher keeps it): calls `onDown` once after
 * `failuresAllowed` probes in a row get no HTTP answer at all.
 */
export function watchEndpoint(
  url: string,
  onDown: (reason: string) => void,
  { intervalMs = 5000, failuresAllowed = 3 }: { intervalMs?: number; failuresAllowed?: number } = {},
): EndpointWatch {
  let failures = 0;
  let stopped = false;
  let probing = false;
  const timer = setInterval(() => {
    if (probing || stopped) return;
    probing = true;
    fetch(url, { signal: AbortSignal.timeout(Math.max(1000, intervalMs - 500)) })
      .then(async (response) => {
        await response.body?.cancel();
        failures = 0;
      })
      .catch((error: unknown) => {
        failures += 1;
        if (failures >= failuresAllowed && !stopped) {
          stopped = true;
          clearInterval(timer);
          onDown(error instanceof Error ? error.message : String(error));
        }
      })
      .finally(() => {
        probing = false;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
