/** Next.js calls this once when a server process starts: the start goes into the audit log. */
export async function register(): Promise<void> {
  // Read here rather than in env.ts on purpose: Next.js replaces this expression at build time, which keeps the
  // database (a Node.js addon) out of the edge build of this file.
  // eslint-disable-next-line no-restricted-properties -- a build-time constant of Next.js, not configuration
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { recordConsoleStart } = await import('./src/server/audit/record-console-start');
  await recordConsoleStart();
}
