import { Customer, Deployment } from '@firebreak/domain';
import { isNode, LineCounter, parseDocument, stringify } from 'yaml';
import { z } from 'zod';

/** The customer directory as one YAML document: what administrators export, edit and import. */
export const DirectoryDocument = z
  .object({
    customers: z.array(Customer).default([]),
    deployments: z.array(Deployment).default([]),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const customerIds = new Set<string>();
    const contactIds = new Set<string>();
    doc.customers.forEach((customer, i) => {
      if (customerIds.has(customer.id))
        ctx.addIssue({ code: 'custom', path: ['customers', i, 'id'], message: `customer ${customer.id} appears twice` });
      customerIds.add(customer.id);
      customer.contacts.forEach((contact, j) => {
        if (contactIds.has(contact.id)) {
          ctx.addIssue({ code: 'custom', path: ['customers', i, 'contacts', j, 'id'], message: `contact ${contact.id} appears twice` });
        }
        contactIds.add(contact.id);
      });
    });
    doc.deployments.forEach((deployment, i) => {
      deployment.customerIds.forEach((id, j) => {
        if (!customerIds.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['deployments', i, 'customerIds', j], message: `customer ${id} is not in this document` });
        }
      });
    });
  });
export type DirectoryDocument = z.infer<typeof DirectoryDocument>;

export interface DirectoryProblem {
  /** 1-based line of the value at fault (the nearest enclosing one that exists in the document). */
  line: number;
  path: string;
  message: string;
}

export type ParsedDirectory = { ok: true; directory: DirectoryDocument } | { ok: false; problems: DirectoryProblem[] };

/** Parses and validates a directory document; every problem names its line. */
export function parseDirectoryYaml(text: string): ParsedDirectory {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ line: lineCounter.linePos(e.pos[0]).line, path: '', message: e.message.split('\n')[0]! })),
    };
  }
  const result = DirectoryDocument.safeParse(doc.toJS() ?? {});
  if (result.success) return { ok: true, directory: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      line: lineOf(doc, lineCounter, issue.path),
      path: issue.path.map(String).join('.') || '(document)',
      message: issue.message,
    })),
  };
}

// The deepest node along the issue's path that exists: a missing key is reported on its parent's line.
function lineOf(doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, path: PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

export function directoryToYaml(directory: DirectoryDocument): string {
  return stringify(directory, { lineWidth: 0 });
}
