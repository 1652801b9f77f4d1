import { folderCycles, folderGraph } from './folder-cycles';

describe('folder-level import cycles', () => {
  it('collapses files to their first folder and ignores imports inside a folder and outside the root', () => {
    const graph = folderGraph({
      'cases/cases.service.ts': ['cases/case-views.ts', 'core/errors.ts', '../../../libs/db/src/index.ts'],
      'cases/case-views.ts': [],
      'core/errors.ts': [],
      'main.ts': ['cases/cases.service.ts'],
    });
    expect(Object.fromEntries([...graph].map(([k, v]) => [k, [...v]]))).toEqual({ cases: ['core'], core: [] });
  });

  it('reports each circle once, direct or through other folders', () => {
    const graph = folderGraph({
      'auth/a.ts': ['users/u.ts'],
      'users/u.ts': ['audit/x.ts'],
      'audit/x.ts': ['auth/a.ts', 'core/e.ts'],
      'cases/c.ts': ['clients/k.ts', 'core/e.ts'],
      'clients/k.ts': ['cases/c.ts'],
      'core/e.ts': [],
    });
    expect(folderCycles(graph)).toEqual([
      ['audit', 'auth', 'users'],
      ['cases', 'clients'],
    ]);
  });

  it('finds none in a one-way graph', () => {
    expect(folderCycles(folderGraph({ 'a/x.ts': ['b/y.ts'], 'b/y.ts': ['c/z.ts'], 'c/z.ts': [] }))).toEqual([]);
  });
});
