/**
 * No import circles: each module can be read after the ones it imports, and a newcomer following
 * a sale through the code never comes back to where they started.
 */
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.ts';

describe('the import graph', () => {
  it('has no circle anywhere in the source', () => {
    expect(importCycles(importGraph(process.cwd()))).toEqual([]);
  });

  it('the check finds a circle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });
});
