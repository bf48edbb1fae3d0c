import { describe, expect, it } from 'vitest';

import { directoryToYaml, parseDirectoryYaml } from './directory-document';

const good = `customers:
  - id: acme
    name: Acme Media
    tenancy: multi
    contacts:
      - id: acme-ada
        name: Ada Tech
        email: ada@acme.example
        role: designated-technical
deployments: []
`;

describe('parseDirectoryYaml', () => {
  it('reads a valid directory and writes it back the same', () => {
    const parsed = parseDirectoryYaml(good);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.directory.customers[0]!.contacts[0]!.email).toBe('ada@acme.example');
    expect(parseDirectoryYaml(directoryToYaml(parsed.directory))).toEqual(parsed);
  });

  it('names the line of a value that is not valid', () => {
    const parsed = parseDirectoryYaml(good.replace('ada@acme.example', 'not-an-address'));
    expect(parsed).toEqual({ ok: false, problems: [{ line: 8, path: 'customers.0.contacts.0.email', message: expect.any(String) }] });
  });

  it('names the line of a missing field by its parent', () => {
    const parsed = parseDirectoryYaml(good.replace('    tenancy: multi\n', ''));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ line: 2, path: 'customers.0.tenancy' });
  });

  it('names the line of a YAML error', () => {
    const parsed = parseDirectoryYaml(good.replace('    tenancy: multi', '    name: Acme again'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.line).toBe(4);
  });

  it('refuses a contact listed twice and a deployment of an unknown customer', () => {
    const twice =
      good.replace('deployments: []', '') +
      '  - id: other\n    name: Other\n    tenancy: single\n    contacts:\n      - { id: acme-ada, name: Ada, email: a@b.example, role: other }\n';
    const parsed = parseDirectoryYaml(twice);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ line: 15, message: 'contact acme-ada appears twice' });
  });
});
