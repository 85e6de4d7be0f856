/**
 * The claim board on the sample project: figures given topics (through the app's channels, and one with the
 * T key in the inspector), outlets and dates on the articles, a denial linked to a figure. The board shows a
 * chart and a table per topic, a row opens its span, and the table and charts are exported. Screenshots in
 * both themes and in Arabic go to the shots folder (e2e/support/shots.ts; the README's when asked) to be looked at;
 * axe finds nothing serious.
 */
import type { Download, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, test, expect } from './support/app';
import { seriousViolations } from './support/axe';
import { readmeShotPath, shotPath } from './support/shots';
import { answerAnnotator, clickText, expectSaved, inspectorText, openDocument } from './support/workbench';

const META: Record<string, { outlet: string; published: string }> = {
  'ar-01-fighters-flee-dorlak': { outlet: 'سوريا الآن', published: '2026-02-10' },
  'ar-02-casualty-figures-disputed': { outlet: 'المرصد الشامي', published: '2026-03-16' },
  'ar-03-salaries-and-contracts': { outlet: 'الشرق اليوم', published: '2026-04-05' },
  'en-01-defectors-return-from-dorlak': { outlet: 'The Northern Wire', published: '2026-03-09' },
  'en-02-recruiters-sign-up-new-batch': { outlet: 'The Northern Wire', published: '2026-04-08' },
  'en-03-first-deaths-reported': { outlet: 'Amman Daily', published: '2026-03-14' },
};

/** [document, the number span's text, which of the spans with that text (0: first), topic, value, approximate] */
const FIGURES: Array<[string, string, number, string, number, boolean]> = [
  ['ar-01-fighters-flee-dorlak', 'خمسة عشر', 0, 'fighters killed', 15, true],
  ['ar-02-casualty-figures-disputed', '٩٠', 1, 'fighters killed', 90, true],
  ['ar-02-casualty-figures-disputed', '٦٤', 0, 'fighters killed', 64, false],
  ['ar-02-casualty-figures-disputed', '١١٥', 0, 'fighters killed', 115, true],
  ['en-01-defectors-return-from-dorlak', '40', 0, 'fighters killed', 40, true],
  ['en-03-first-deaths-reported', 'four', 0, 'fighters killed', 4, true],
  ['ar-02-casualty-figures-disputed', '٤٠٠', 0, 'fighters sent', 400, true],
  ['en-02-recruiters-sign-up-new-batch', '200', 0, 'fighters sent', 200, true],
  ['en-03-first-deaths-reported', '300', 0, 'fighters sent', 300, true],
  ['ar-01-fighters-flee-dorlak', '1500', 0, 'monthly pay', 1500, false],
  ['ar-03-salaries-and-contracts', '1200', 0, 'monthly pay', 1200, false],
  ['en-01-defectors-return-from-dorlak', '1,800', 0, 'monthly pay', 1800, false],
  ['en-02-recruiters-sign-up-new-batch', '1,500', 0, 'monthly pay', 1500, false],
];

const TEXTS = new Map(
  readFileSync(join(ROOT, 'resources/samples/annotations.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; text: string })
    .map((line) => [line.id, line.text]),
);

/** Outlets, dates, topics and a denial on the sample project, through the app's own channels. */
async function prepareSample(page: Page): Promise<void> {
  await page.evaluate(
    async ({ meta, figures }) => {
      // The desktop app's preload API, else the browser host's HTTP mapping of the same contract.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any channel's answer: the script reads the fields it asked for
      type Answer = { ok: boolean; value?: any; error?: { message: string } };
      type Api = Record<string, (r: unknown) => Promise<Answer>>;
      const preload = (window as unknown as { spanlight?: Api }).spanlight;
      const call = async (channel: string, request: unknown) => {
        const result = preload
          ? await preload[channel]!(request)
          : await (
              await fetch(`/api/${encodeURIComponent(channel)}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(request),
              })
            ).json();
        if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
        return result.value;
      };
      for (const [id, { outlet, published }] of Object.entries(meta))
        await call('documents:set-meta', {
          id,
          meta: { outlet, published, url: null, language: id.slice(0, 2), externalId: null, extra: {} },
        });
      const spansOf = async (id: string) => {
        const opened = await call('documents:open', { id });
        const chars = [...opened.document.text];
        return opened.annotations.map((a: { start: number; end: number }) => ({
          ...a,
          text: chars.slice(a.start, a.end).join(''),
        }));
      };
      for (const [id, needle, occurrence, topic, value, approximate] of figures) {
        const spans = (await spansOf(id)).filter(
          (a: { labelId: string; text: string }) => a.labelId === 'number' && a.text === needle,
        );
        await call('annotations:set-attributes', {
          id: spans[occurrence].id,
          attributes: { topic, value, ...(approximate ? { approximate } : {}) },
        });
      }
      // The commander's denial of the activists' toll ("نفى قيادي … هذه الأرقام") denies the figure 115.
      const spans = await spansOf('ar-02-casualty-figures-disputed');
      const denial = spans.find((a: { text: string }) => a.text.startsWith('نفى قيادي'));
      const toll = spans.find((a: { text: string }) => a.text === '١١٥');
      await call('relations:create', { fromId: denial.id, toId: toll.id, type: 'denies' });
    },
    { meta: META, figures: FIGURES },
  );
  await page.reload();
  await expect(page.getByTestId('document-row')).toHaveCount(6);
}

async function saved(download: Promise<Download>, path: string): Promise<string> {
  await (await download).saveAs(path);
  return path;
}

test('the claim board charts and tables the sample figures by topic, opens a span, and exports', async ({
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample project' }).click();
  await answerAnnotator(page);
  await prepareSample(page);

  // A topic typed in the inspector: select the figure 120, press T, type, Enter.
  await openDocument(page, 'Armed Groups in Azaz Sign Up New Batch of Syrian Mercenaries for Dorlak');
  const line = TEXTS.get('en-02-recruiters-sign-up-new-batch')!
    .split('\n')
    .findIndex((l) => l.includes('lower figure: 120'));
  await clickText(page, line, '120 names', 1);
  expect(await inspectorText(page)).toBe('120');
  await page.locator('.article').focus();
  await page.keyboard.press('t');
  await expect(page.getByLabel('topic', { exact: true })).toBeFocused();
  await page.keyboard.type('Fighters sent');
  await page.keyboard.press('Enter');
  await expectSaved(page);
  // Spelled as the topic list spells it.
  await expect(page.getByLabel('topic', { exact: true })).toHaveValue('fighters sent');

  // The board, by its key.
  await page.locator('.article').focus();
  await page.keyboard.press('b');
  const board = page.getByRole('dialog', { name: 'Claim board' });
  await expect(board).toBeVisible();
  const topics = board.getByTestId('board-topic');
  await expect(topics).toHaveCount(3);
  await expect(topics.nth(0)).toHaveAttribute('aria-label', 'fighters killed');
  await expect(board.getByTestId('board-chart').locator('svg')).toHaveCount(3);
  const killed = topics.nth(0);
  await expect(killed.locator('.board-spread')).toHaveText(
    'Reported figures range from 4 to 115, across 4 sources.',
  );
  // Sorted by date: the Arabic article of 10 February first; the denied toll marked.
  await expect(killed.locator('tbody tr').first()).toContainText('خمسة عشر');
  await expect(killed.locator('tbody tr.denied')).toContainText('١١٥');
  await expect(killed.locator('tbody tr.denied')).toContainText('1 denial');
  await expect(topics.nth(1).locator('tbody tr')).toHaveCount(4);
  expect(await seriousViolations(page, '.board-screen'), 'light theme').toEqual([]);
  await page.screenshot({ path: shotPath('board', 'board-light'), fullPage: true });
  await board.screenshot({ path: readmeShotPath('claim-board.png') });

  // Exports: the table as CSV and JSON (as the CLI writes them), a chart as SVG and PNG.
  const out = testInfo.outputPath();
  const csvDownload = page.waitForEvent('download');
  await board.getByRole('button', { name: 'Table as CSV' }).click();
  const csvPath = await saved(csvDownload, join(out, 'board.csv'));
  const rows = parse(readFileSync(csvPath, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  expect(rows).toHaveLength(14);
  for (const row of rows)
    expect([...TEXTS.get(row.doc_id!)!].slice(Number(row.start), Number(row.end)).join('')).toBe(row.text);
  expect(rows.find((r) => r.text === '١١٥')).toMatchObject({
    topic: 'fighters killed',
    value: '115',
    approximate: 'true',
    source: 'المرصد الشامي',
    outlet: 'المرصد الشامي',
    published: '2026-03-16',
  });
  expect(rows.find((r) => r.text === '١١٥')!.denied_by).not.toBe('');
  const jsonDownload = page.waitForEvent('download');
  await board.getByRole('button', { name: 'Table as JSON' }).click();
  const jsonPath = await saved(jsonDownload, join(out, 'board.json'));
  expect(JSON.parse(readFileSync(jsonPath, 'utf8'))).toHaveLength(14);
  const svgDownload = page.waitForEvent('download');
  await killed.getByRole('button', { name: 'Chart as SVG' }).click();
  const svg = readFileSync(await saved(svgDownload, join(out, 'killed.svg')), 'utf8');
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('المرصد الشامي');
  const pngDownload = page.waitForEvent('download');
  await killed.getByRole('button', { name: 'Chart as PNG' }).click();
  const png = readFileSync(await saved(pngDownload, join(out, 'killed.png')));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect((await pngDownload).suggestedFilename()).toBe('board-fighters-killed.png');

  // Dark theme.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page, '.board-screen'), 'dark theme').toEqual([]);
  await page.screenshot({ path: shotPath('board', 'board-dark'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  // Print: the charts and tables alone, black on white, the workbench and the board's controls left out.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.toolbar')).toBeHidden();
  await expect(board.getByRole('button', { name: 'Table as CSV' })).toBeHidden();
  await page.screenshot({ path: shotPath('board', 'board-print'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // A row opens its span: by the keyboard (Enter on its button), then by a click.
  await killed.getByRole('button', { name: /^Open “١١٥”/ }).focus();
  await page.keyboard.press('Enter');
  await expect(board).toHaveCount(0);
  expect(await inspectorText(page)).toBe('١١٥');
  await page.locator('.article').focus();
  await page.keyboard.press('b');
  await page
    .getByRole('dialog', { name: 'Claim board' })
    .getByRole('button', { name: /^Open “1,800”/ })
    .click();
  await expect(page.getByRole('dialog', { name: 'Claim board' })).toHaveCount(0);
  expect(await inspectorText(page)).toBe('1,800');
});

test('the board in Arabic: the strings translated, the layout mirrored, axe clean', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample project' }).click();
  await answerAnnotator(page);
  await prepareSample(page);
  await page.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['ar'] }));
  await page.reload();
  // What the language setting does (i18n.ts applyLanguage): the page mirrored.
  await page.evaluate(() => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
  });
  await expect(page.getByTestId('document-row')).toHaveCount(6);
  await page.locator('body').press('b');
  const board = page.getByRole('dialog', { name: 'لوحة الادعاءات' });
  await expect(board).toBeVisible();
  await expect(board.getByTestId('board-topic').first().locator('.board-spread')).toHaveText(
    'تتراوح الأرقام المنقولة بين ٤ و١١٥، من ٤ مصادر.',
  );
  expect(await seriousViolations(page, '.board-screen'), 'Arabic').toEqual([]);
  await page.screenshot({ path: shotPath('board', 'board-arabic'), fullPage: true });
});
