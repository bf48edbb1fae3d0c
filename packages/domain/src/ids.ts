import { z } from 'zod';

/** Directory ids are short, URL-safe slugs chosen by administrators (e.g. `acme-single`). */
export const Slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

export const IncidentId = z.string().regex(/^inc-[a-z0-9]{12}$/, 'not an incident id');
export type IncidentId = z.infer<typeof IncidentId>;

export const DeploymentId = Slug;
export const CustomerId = Slug;
export const ContactId = Slug;

/** The Temporal workflow id of an incident is derived from its id, so a retried start can never create a second run. */
export function incidentWorkflowId(incidentId: string): string {
  return `incident-${incidentId}`;
}

export const TASK_QUEUE = 'firebreak-playbooks';
