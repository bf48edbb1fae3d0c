import { vi } from 'vitest';

/**
 * Keeps everything written to the console from now on (still printing it), so a test can prove that no secret
 * reached the output. Undo with `vi.restoreAllMocks()`.
 */
export function captureConsoleOutput(): string[] {
  const output: string[] = [];
  for (const stream of ['log', 'error', 'warn', 'info'] as const) {
    const original = console[stream].bind(console);
    vi.spyOn(console, stream).mockImplementation((...args: unknown[]) => {
      output.push(args.map(String).join(' '));
      original(...args);
    });
  }
  return output;
}
