import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccountNode,
  accountsOverlap,
  indexAccounts,
  isAncestorOrSelf,
  pathToRoot,
  treeRoot,
  vendorDirectSource,
  wouldCreateCycle,
} from './tree.js';

const RUNS = { numRuns: 1000 };

const node = (id: string, parentId: string | null, vendorDirect = false): AccountNode => ({
  id,
  parentId,
  vendorDirect,
});

// global → emea → berlin; global → na; other (separate tree)
const index = indexAccounts([
  node('global', null),
  node('emea', 'global'),
  node('berlin', 'emea', true),
  node('na', 'global'),
  node('other', null),
]);

/** Any parent links at all, cycles and dangling parents included (imported data may hold them). */
const anyGraph = fc.integer({ min: 1, max: 12 }).chain((size) =>
  fc
    .array(fc.option(fc.integer({ min: 0, max: size + 2 }), { nil: null }), {
      minLength: size,
      maxLength: size,
    })
    .map((parents) =>
      indexAccounts(parents.map((p, i) => node(`a${i}`, p === null ? null : `a${p}`))),
    ),
);

/** A forest: every parent is an earlier node, so there is no cycle. */
const forest = fc
  .array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 20 })
  .map((specs) =>
    indexAccounts(
      specs.map(([pick, isRoot, vendorDirect], i) =>
        node(`a${i}`, isRoot || i === 0 ? null : `a${pick % i}`, vendorDirect && pick % 5 === 0),
      ),
    ),
  );

describe('pathToRoot', () => {
  it('lists the account and its ancestors, self first', () => {
    expect(pathToRoot(index, 'berlin')).toEqual(['berlin', 'emea', 'global']);
    expect(pathToRoot(index, 'global')).toEqual(['global']);
  });

  it('stops at an unknown account or a missing parent', () => {
    expect(pathToRoot(index, 'nowhere')).toEqual(['nowhere']);
    expect(pathToRoot(indexAccounts([node('x', 'gone')]), 'x')).toEqual(['x', 'gone']);
  });

  it('stops at a cycle', () => {
    const cyclic = indexAccounts([node('a', 'b'), node('b', 'c'), node('c', 'a')]);
    expect(pathToRoot(cyclic, 'a')).toEqual(['a', 'b', 'c']);
  });

  it('terminates on any parent links, cycles included, and never repeats an account', () => {
    fc.assert(
      fc.property(anyGraph, fc.nat(), (graph, pick) => {
        const start = `a${pick % graph.size}`;
        const path = pathToRoot(graph, start);
        expect(path[0]).toBe(start);
        expect(new Set(path).size).toBe(path.length);
        expect(path.length).toBeLessThanOrEqual(graph.size + 1);
      }),
      RUNS,
    );
  });
});

describe('accountsOverlap', () => {
  it('holds for self, ancestor and descendant, not for siblings or other trees', () => {
    expect(accountsOverlap(index, 'emea', 'emea')).toBe(true);
    expect(accountsOverlap(index, 'global', 'berlin')).toBe(true);
    expect(accountsOverlap(index, 'berlin', 'global')).toBe(true);
    expect(accountsOverlap(index, 'emea', 'na')).toBe(false);
    expect(accountsOverlap(index, 'berlin', 'other')).toBe(false);
  });

  it('is symmetric and reflexive on any parent links, cycles included', () => {
    fc.assert(
      fc.property(anyGraph, fc.nat(), fc.nat(), (graph, x, y) => {
        const a = `a${x % graph.size}`;
        const b = `a${y % graph.size}`;
        expect(accountsOverlap(graph, a, b)).toBe(accountsOverlap(graph, b, a));
        expect(accountsOverlap(graph, a, a)).toBe(true);
      }),
      RUNS,
    );
  });

  it('in a forest, overlapping accounts share a root and every ancestor overlaps', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (tree, x, y) => {
        const a = `a${x % tree.size}`;
        const b = `a${y % tree.size}`;
        if (accountsOverlap(tree, a, b)) expect(treeRoot(tree, a)).toBe(treeRoot(tree, b));
        for (const ancestor of pathToRoot(tree, a)) {
          expect(accountsOverlap(tree, ancestor, a)).toBe(true);
          expect(isAncestorOrSelf(tree, ancestor, a)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('treeRoot', () => {
  it('is the last account on the path to the root', () => {
    expect(treeRoot(index, 'berlin')).toBe('global');
    expect(treeRoot(index, 'other')).toBe('other');
    expect(treeRoot(index, 'nowhere')).toBe('nowhere');
  });
});

describe('vendorDirectSource', () => {
  const withDirectParent = indexAccounts([
    node('root', null),
    node('direct', 'root', true),
    node('office', 'direct'),
  ]);

  it('is the account itself or its nearest vendor-direct ancestor', () => {
    expect(vendorDirectSource(index, 'berlin')).toBe('berlin');
    expect(vendorDirectSource(withDirectParent, 'office')).toBe('direct');
  });

  it('is null when neither the account nor an ancestor is vendor-direct', () => {
    expect(vendorDirectSource(index, 'emea')).toBeNull();
    expect(vendorDirectSource(withDirectParent, 'root')).toBeNull();
  });
});

describe('wouldCreateCycle', () => {
  it('refuses making an account its own ancestor', () => {
    expect(wouldCreateCycle(index, 'global', 'berlin')).toBe(true);
    expect(wouldCreateCycle(index, 'emea', 'emea')).toBe(true);
  });

  it('allows moving an account under a non-descendant, or to the top', () => {
    expect(wouldCreateCycle(index, 'berlin', 'na')).toBe(false);
    expect(wouldCreateCycle(index, 'emea', null)).toBe(false);
  });

  it('in a forest, re-parenting under a non-descendant keeps every path finite and acyclic', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (tree, x, y) => {
        const child = `a${x % tree.size}`;
        const parent = `a${y % tree.size}`;
        const createsCycle = wouldCreateCycle(tree, child, parent);
        expect(createsCycle).toBe(isAncestorOrSelf(tree, child, parent));
        if (createsCycle) return;
        const moved = new Map(tree);
        moved.set(child, node(child, parent));
        for (const id of moved.keys()) {
          const path = pathToRoot(moved, id);
          expect(moved.get(path[path.length - 1] ?? '')?.parentId ?? null).toBeNull();
        }
      }),
      RUNS,
    );
  });
});
