import type { IncidentPreview } from '@firebreak/domain';

export type PreviewState =
  | { status: 'none' }
  | {
      status: 'ready';
      preview: IncidentPreview;
      /** The declaration the preview was made for: once the form says something else, the preview is stale. */
      fingerprint: string;
    }
  | { status: 'error'; message: string; fieldErrors: Record<string, string> };

export const NO_PREVIEW: PreviewState = { status: 'none' };
