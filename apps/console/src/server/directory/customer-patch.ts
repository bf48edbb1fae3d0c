import { Contact, Customer } from '@firebreak/domain';
import { z } from 'zod';

/** What a PATCH may change; a new contact list replaces the old one, and contacts left out are retired. */
export const CustomerPatch = z
  .object({
    id: Customer.shape.id,
    name: Customer.shape.name.optional(),
    tenancy: Customer.shape.tenancy.optional(),
    contacts: z.array(Contact).optional(),
  })
  .strict();
