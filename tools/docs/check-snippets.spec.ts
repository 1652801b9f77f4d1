import { extractSnippets, snippetModule } from './check-snippets';

const readme = [
  '# Title',
  '```bash',
  'npm install x',
  '```',
  '```ts',
  "import { createPoaClient } from '@poa/sdk';",
  "const poa = createPoaClient({ baseUrl: 'http://x' });",
  '```',
  'Text.',
  '```typescript',
  "import { createPoaClient } from '@poa/sdk';",
  "await poa.GET('/api/v1/cases');",
  '```',
].join('\n');

describe('README snippets', () => {
  it('takes the ts and typescript blocks only, with the README line of their first code line', () => {
    expect(extractSnippets(readme)).toEqual([
      { line: 6, code: "import { createPoaClient } from '@poa/sdk';\nconst poa = createPoaClient({ baseUrl: 'http://x' });" },
      { line: 11, code: "import { createPoaClient } from '@poa/sdk';\nawait poa.GET('/api/v1/cases');" },
    ]);
  });

  it('makes one module of a README: imports once at the top, then the blocks in order, each marked with its line', () => {
    expect(snippetModule('README.md', extractSnippets(readme))).toBe(
      [
        "import { createPoaClient } from '@poa/sdk';",
        '',
        '// README.md:6',
        "const poa = createPoaClient({ baseUrl: 'http://x' });",
        '',
        '// README.md:11',
        "await poa.GET('/api/v1/cases');",
        '',
        'export {};',
        '',
      ].join('\n'),
    );
  });
});
