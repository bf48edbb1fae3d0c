import { z } from 'zod';

import { ContactId, CustomerId, DeploymentId } from './ids';

/** An IPv4 CIDR block such as 198.51.100.0/24. */
export const Cidr = z.cidrv4();

export const Tenancy = z.enum(['single', 'multi']);
export type Tenancy = z.infer<typeof Tenancy>;

export const ContactRole = z.enum(['designated-technical', 'management', 'other']);
export type ContactRole = z.infer<typeof ContactRole>;

export const Contact = z.object({
  id: ContactId,
  name: z.string().min(1).max(200),
  email: z.email(),
  role: ContactRole,
});
export type Contact = z.infer<typeof Contact>;

export const Customer = z.object({
  id: CustomerId,
  name: z.string().min(1).max(200),
  tenancy: Tenancy,
  contacts: z.array(Contact),
});
export type Customer = z.infer<typeof Customer>;

/** The application a deployment runs; Files talks to its node on 443, the others on 9092. */
export const ApplicationKind = z.enum(['faspex', 'shares', 'console', 'files']);
export type ApplicationKind = z.infer<typeof ApplicationKind>;

export const Deployment = z.object({
  id: DeploymentId,
  name: z.string().min(1).max(200),
  tenancy: Tenancy,
  customerIds: z.array(CustomerId).min(1),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not an AWS region'),
  vpcId: z.string().regex(/^vpc-[0-9a-f]+$/),
  subnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]+$/)).min(1),
  applicationKind: ApplicationKind,
  /** Instances belong to the deployment when they carry this tag value under `firebreak:deployment`. */
  instanceTag: z.string().min(1),
  /** Where the application (Faspex, Shares, Console, Files) connects to the transfer node from. */
  applicationHostCidr: Cidr.optional(),
  /** Sources allowed to reach SSH (TCP 3001) on a rebuilt environment. */
  allowListedSources: z.array(Cidr).default([]),
  /** The image clean environments are launched from; rebuilds refuse to guess one. */
  knownGoodImageId: z
    .string()
    .regex(/^ami-[0-9a-f]+$/)
    .optional(),
});
export type Deployment = z.infer<typeof Deployment>;

/** Tag keys Firebreak reads and writes on EC2 resources. */
export const TAG = {
  deployment: 'firebreak:deployment',
  incident: 'firebreak:incident',
  role: 'firebreak:role',
  /** Containment state of a resource an incident isolated (`isolated`). */
  containment: 'firebreak:containment',
} as const;
