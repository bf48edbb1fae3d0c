import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { type Column, DataTable } from './data-table';

interface Row {
  id: string;
  region: string;
}

const columns: Column<Row>[] = [
  { header: 'Deployment', cell: (row) => row.id },
  { header: 'Region', cell: (row) => row.region, className: 'mono' },
];

const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]>) =>
  renderToStaticMarkup(createElement(DataTable<Row>, { columns, rows: [], rowKey: (row: Row) => row.id, ...props }));

describe('DataTable', () => {
  it('scopes each heading to its column and fills one row per item, in order', () => {
    const html = render({
      rows: [
        { id: 'dep-a', region: 'eu-west-1' },
        { id: 'dep-b', region: 'us-east-1' },
      ],
    });
    expect(html).toContain('<th scope="col">Deployment</th><th scope="col">Region</th>');
    expect(html).toContain('<tr><td>dep-a</td><td class="mono">eu-west-1</td></tr><tr><td>dep-b</td><td class="mono">us-east-1</td></tr>');
    expect(html.startsWith('<div class="table-scroll"><table>')).toBe(true);
  });

  it('says the empty text instead of an empty table, and keeps the headings when no empty text is given', () => {
    expect(render({ empty: 'No deployments yet.' })).toBe('<p class="empty">No deployments yet.</p>');
    expect(render({})).toContain('<thead><tr><th scope="col">Deployment</th>');
  });

  it('gives screen readers the caption and leaves the scroll container out when asked', () => {
    const html = render({ caption: 'Deployments', scroll: false, rows: [{ id: 'dep-a', region: 'eu-west-1' }] });
    expect(html.startsWith('<table><caption class="visually-hidden">Deployments</caption>')).toBe(true);
  });
});
