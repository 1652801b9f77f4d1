import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { promisify } from 'node:util';
import { ensureChromium, ensurePdfTools } from './index';

const run = promisify(execFile);

describe('ensureChromium', () => {
  it('returns an existing Chromium/Chrome executable that reports its version', async () => {
    const executable = await ensureChromium({ log: () => undefined });
    expect(() => accessSync(executable, constants.X_OK)).not.toThrow();
    const { stdout } = await run(executable, ['--version']);
    expect(stdout).toMatch(/(Chromium|Chrome) \d+\./);
  });

  it('names PUPPETEER_EXECUTABLE_PATH when it points nowhere', async () => {
    const previous = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chromium';
    try {
      await expect(ensureChromium({ log: () => undefined })).rejects.toThrow(
        /PUPPETEER_EXECUTABLE_PATH is \/nonexistent\/chromium, which does not exist/,
      );
    } finally {
      if (previous === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = previous;
    }
  });
});

describe('ensurePdfTools', () => {
  it('returns working pdftotext and pdfinfo', async () => {
    const tools = await ensurePdfTools({ log: () => undefined });
    const { stderr } = await run(tools.pdfinfo, ['-v']);
    expect(stderr).toMatch(/pdfinfo version \d+/);
    expect(() => accessSync(tools.pdftotext, constants.X_OK)).not.toThrow();
  });
});
