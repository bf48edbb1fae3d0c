import { z } from 'zod';

/** Who did something. Every timeline event and decision names one. */
export const Actor = z.object({
  kind: z.enum(['system', 'user', 'api-token', 'contact']),
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
});
export type Actor = z.infer<typeof Actor>;

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'firebreak', name: 'Firebreak' };
