/**
 * The bundled fonts (src/renderer/fonts.ts): the built renderer holds the font files its CSS points at, and
 * the page draws Latin letters in Noto Sans and Arabic in Noto Naskh Arabic, loaded from the app itself
 * under the strict CSP (font-src 'self'), whatever fonts the machine has.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, test, expect } from './support/app';
import { ARABIC_SAMPLE, createProject, importSamples, openDocument, sampleTitle } from './support/workbench';

const ASSETS = join(ROOT, 'out/renderer/assets');

test('the built renderer holds the Noto font files its stylesheet points at', () => {
  const css = readdirSync(ASSETS)
    .filter((name) => name.endsWith('.css'))
    .map((name) => readFileSync(join(ASSETS, name), 'utf8'))
    .join('\n');
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((match) => match[1]!);
  const families = new Set(
    faces.map((face) => /font-family:\s*([^;]+)/.exec(face)?.[1]?.replace(/["']/g, '')),
  );
  expect([...families].sort()).toEqual(['Noto Naskh Arabic', 'Noto Sans']);
  const weights = (family: string) =>
    new Set(
      faces.filter((face) => face.includes(family)).map((face) => /font-weight:\s*(\d+)/.exec(face)?.[1]),
    );
  for (const family of families) expect([...weights(family!)].sort()).toEqual(['400', '500', '600', '700']);
  // Every url() is a file of the build itself (no remote font, nothing missing).
  const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((match) => match[1]!.replace(/["']/g, ''));
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    expect(url, 'a font of the app itself').toMatch(/^(\.\/|\/assets\/|assets\/)?[\w.-]+\.woff2?$/);
    expect(existsSync(join(ASSETS, url.replace(/^.*\//, ''))), url).toBe(true);
  }
  expect(urls.some((url) => /noto-naskh-arabic-arabic-400-normal.*\.woff2$/.test(url))).toBe(true);
});

test('the page draws Arabic in Noto Naskh Arabic and Latin in Noto Sans, served by the app', async ({
  app,
}) => {
  const { page } = app;
  const fontRequests: string[] = [];
  page.on('requestfinished', (request) => {
    if (/\.woff2?$/.test(request.url())) fontRequests.push(request.url());
  });
  await createProject(page, app.projectPath);
  await importSamples(page);
  await openDocument(page, sampleTitle(ARABIC_SAMPLE));
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() =>
    [...document.fonts]
      .filter((face) => face.status === 'loaded')
      .map((face) => face.family.replace(/"/g, '')),
  );
  expect(loaded).toContain('Noto Naskh Arabic');
  expect(loaded).toContain('Noto Sans');
  expect(await page.locator('.article').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(
    /^"?Noto Sans"?, "?Noto Naskh Arabic"?/,
  );
  const origin = new URL(page.url()).origin;
  expect(fontRequests.length).toBeGreaterThan(0);
  for (const url of fontRequests) expect(new URL(url).origin).toBe(origin);
});
