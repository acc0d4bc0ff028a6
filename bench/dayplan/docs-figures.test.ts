// Every figure docs/dayplan.md claims for the bench comes from the committed bench/results/dayplan.json:
// the block between the markers must be exactly what docs-table.ts makes from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, docsBlock, END, readResults } from './docs-table.ts';

describe('docs/dayplan.md figures', () => {
  it('are the ones in bench/results/dayplan.json', () => {
    const docs = readFileSync('docs/dayplan.md', 'utf8');
    const from = docs.indexOf(BEGIN);
    const to = docs.indexOf(END);
    expect(from, 'the begin marker').toBeGreaterThanOrEqual(0);
    expect(to, 'the end marker').toBeGreaterThan(from);
    expect(docs.slice(from, to + END.length)).toBe(docsBlock(readResults()));
  });
});
