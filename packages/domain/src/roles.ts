import { z } from 'zod';

/**
 * Staff roles, least privilege first. `contact` is a customer's contact acting through a signed link;
 * `system` is Firebreak itself (timers, automatic blocks).
 */
export const StaffRole = z.enum(['viewer', 'manager', 'on-call', 'administrator']);
export type StaffRole = z.infer<typeof StaffRole>;

export const DeciderRole = z.enum(['on-call', 'administrator', 'contact']);
export type DeciderRole = z.infer<typeof DeciderRole>;
