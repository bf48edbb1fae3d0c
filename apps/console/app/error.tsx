'use client';

/** Shown when a page fails to render. The digest matches the server log entry for the failure. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert">
      <h1>This page could not be shown</h1>
      <p>Something went wrong on our side. Incidents and playbooks keep running; only this page failed.</p>
      {error.digest && (
        <p>
          Reference: <span className="mono">{error.digest}</span>
        </p>
      )}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
