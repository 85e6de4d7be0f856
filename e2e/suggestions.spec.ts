/**
 * Suggestions in the workbench on a sample article: ghost-styled apart from annotations, accepted and rejected
 * by key (a rejection still holds after a reload), all numbers accepted at once, learned from a tag, an accept
 * undone; the panel and the Labels dialog's switches checked with axe and photographed in both themes and in
 * Arabic (the shots folder of e2e/support/shots.ts).
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './support/app';
import { highlightTexts } from './support/inPage';
import { seriousViolations } from './support/axe';
import { shotPath } from './support/shots';
import {
  ARABIC_SAMPLE,
  ENGLISH_SAMPLE,
  SAMPLE_FILES,
  chooseFromFileMenu,
  clickText,
  createProject,
  dragSelect,
  expectSaved,
  importSamples,
  openDocument,
  paintedHighlights,
  sampleTitle,
} from './support/workbench';

/** How many suggestions of a label the document has, as its Accept all button says (the list is virtualised). */
async function offered(page: Page, label: string): Promise<number> {
  const button = page.getByRole('button', { name: new RegExp(`^Accept all ${label} \\(`) });
  if ((await button.count()) === 0) return 0;
  return Number(/\((\d+)\)/.exec(await button.innerText())![1]);
}
const rowsOf = (page: Page, label: string) =>
  page.locator(`[data-testid="suggestion-row"][data-label="${label}"]`);

/** The texts of the ranges painted in the suggestions' own highlight. */
const ghostTexts = (page: Page, name = 'sl-suggestion') => highlightTexts(page, name);

const annotationCount = (page: Page) => page.getByTestId('annotation-row').count();
/** The open document's count in the document list (the annotation list is virtualised: rows near the view only). */
const documentRow = (page: Page) => page.getByTestId('document-row').filter({ hasText: 'Twelve Syrian' });

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: shotPath('suggestions', name) });
}

test.beforeEach(async ({ app }) => {
  await createProject(app.page, app.projectPath);
  await importSamples(app.page);
});

test('accept, reject, accept all and undo by key; a rejection survives a reload; suggestions are not annotations', async ({
  app,
}) => {
  const { page } = app;
  await openDocument(page, sampleTitle(ENGLISH_SAMPLE));

  // Ghost suggestions: listed and painted in their own highlight, none in a label's, none counted.
  await expect(rowsOf(page, 'number').first()).toBeVisible();
  await expect.poll(() => ghostTexts(page)).toContain('five');
  expect(await paintedHighlights(page)).toEqual({ claim: [], denial: [], number: [] });
  expect(await annotationCount(page)).toBe(0);
  await expect(documentRow(page)).toContainText('0 annotations');

  // Accept by key: the caret in "five", then A.
  await clickText(page, 13, 'five', 1);
  await expect.poll(() => ghostTexts(page, 'sl-suggestion-target')).toEqual(['five']);
  await page.keyboard.press('a');
  await expectSaved(page);
  await expect.poll(() => paintedHighlights(page)).toEqual({ claim: [], denial: [], number: ['five'] });
  await expect(page.getByTestId('annotation-row')).toHaveCount(1);
  await expect(rowsOf(page, 'number').filter({ hasText: /^number\s*five/ })).toHaveCount(0);

  // Undo of an accept: the annotation goes, the suggestion comes back.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('save-indicator')).toContainText('Undid create number');
  await expect(page.getByTestId('annotation-row')).toHaveCount(0);
  await expect.poll(() => ghostTexts(page)).toContain('five');

  // Reject by key: "3" (3 March) is not offered again, here or after a reload.
  await clickText(page, 13, '3 March', 0);
  await expect.poll(() => ghostTexts(page, 'sl-suggestion-target')).toEqual(['3']);
  await page.keyboard.press('r');
  await expect.poll(() => ghostTexts(page)).not.toContain('3');
  expect(await annotationCount(page)).toBe(0);
  await page.reload();
  await expect(page.locator('.article > p').first()).toHaveText(sampleTitle(ENGLISH_SAMPLE));
  await expect.poll(() => ghostTexts(page)).toContain('five');
  expect(await ghostTexts(page)).not.toContain('3');

  // Accept all numbers: Shift+A on a number accepts every number suggestion, and leaves the claims.
  const numbers = await offered(page, 'number');
  expect(numbers).toBeGreaterThan(5);
  const claims = await offered(page, 'claim');
  expect(claims).toBeGreaterThan(0);
  await clickText(page, 13, 'five', 1);
  await page.keyboard.press('Shift+A');
  await expectSaved(page);
  await expect(rowsOf(page, 'number')).toHaveCount(0);
  await expect(documentRow(page)).toContainText(`${numbers} annotations`);
  await expect.poll(() => offered(page, 'claim')).toBe(claims);
  // One action: one undo takes them all back.
  await page.keyboard.press('Control+z');
  await expect(documentRow(page)).toContainText('0 annotations');
  await expect.poll(() => offered(page, 'number')).toBe(numbers);

  // The panel's button does the same.
  await page.getByRole('button', { name: `Accept all number (${numbers})` }).click();
  await expectSaved(page);
  await expect(documentRow(page)).toContainText(`${numbers} annotations`);
});

test('learns from a tag: the twin of a tagged claim becomes a suggestion; selecting one moves the caret there', async ({
  app,
}) => {
  const { page } = app;
  await openDocument(page, sampleTitle(ENGLISH_SAMPLE));
  const caption = 'Young men board a bus in al-Bab';
  await expect(rowsOf(page, 'number').first()).toBeVisible();
  await expect(rowsOf(page, 'claim').filter({ hasText: caption })).toHaveCount(0);

  await dragSelect(page, 2, caption, false);
  await page.keyboard.press('1');
  await expectSaved(page);
  // The three other copies of the caption, found by the learned matcher.
  const twins = rowsOf(page, 'claim').filter({ hasText: caption });
  await expect(twins).toHaveCount(3);
  await expect(twins.first()).toContainText('learned from your tags');

  // Going to a suggestion from the panel puts the caret there; A accepts that one.
  await twins
    .nth(1)
    .getByRole('button', { name: /^Go to claim/ })
    .click();
  await expect(twins.nth(1)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('a');
  await expectSaved(page);
  await expect(page.getByTestId('annotation-row')).toHaveCount(2);
  await expect(rowsOf(page, 'claim').filter({ hasText: caption })).toHaveCount(2);
});

test('suggestions of a 50 KB article are painted soon after it opens, and the page keeps answering meanwhile', async ({
  app,
}, testInfo) => {
  const { page } = app;
  // The English samples, repeated to 50 KB, as one more document.
  const texts = SAMPLE_FILES.slice(3).map((file) => readFileSync(file, 'utf8'));
  let article = 'A long article for the timing\n\n';
  while (Buffer.byteLength(article) < 50 * 1024) article += texts.join('\n\n');
  await page.getByTestId('import-files-input').setInputFiles({
    name: 'long.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(article, 'utf8'),
  });
  await expect(page.getByTestId('document-row')).toHaveCount(7);
  const times = await page.evaluate(async () => {
    const row = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="document-row"]')).find((r) =>
      r.textContent?.includes('A long article for the timing'),
    )!;
    const start = performance.now();
    row.click();
    let articleShown = 0;
    // The longest gap between two frames while the suggestions are on their way: the page did not stall.
    let last = start;
    let longestFrame = 0;
    return new Promise<{ article: number; suggestions: number; longestFrame: number }>((resolve) => {
      const tick = () => {
        const now = performance.now();
        longestFrame = Math.max(longestFrame, now - last);
        last = now;
        const first = document.querySelector('.article > p');
        if (!articleShown && first?.textContent?.startsWith('A long article')) articleShown = now;
        if (articleShown && (CSS.highlights.get('sl-suggestion')?.size ?? 0) > 0)
          return resolve({ article: articleShown - start, suggestions: now - start, longestFrame });
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  });
  const line = `50 KB article: text shown ${times.article.toFixed(0)} ms after the click, suggestions painted ${(
    times.suggestions - times.article
  ).toFixed(0)} ms after that (longest frame ${times.longestFrame.toFixed(0)} ms)`;
  console.log(line);
  testInfo.annotations.push({ type: 'timing', description: line });
  // The figure is printed, not asserted: speed goals are met in benchmarks, and a loaded machine would make
  // any bound here flaky (quiet 2-core machine: painted 39-61 ms after the text, goal 100 ms).
  expect(times.suggestions).toBeGreaterThan(times.article);
  await expect(rowsOf(page, 'number').first()).toBeVisible();
});

test('a label can be switched off a rule family in the Labels dialog; the suggestions follow', async ({
  app,
}) => {
  const { page } = app;
  await openDocument(page, sampleTitle(ENGLISH_SAMPLE));
  await expect(rowsOf(page, 'number').first()).toBeVisible();
  await chooseFromFileMenu(page, 'Labels…');
  const numbersSwitch = page.getByRole('checkbox', { name: 'Suggest number from numbers' });
  await expect(numbersSwitch).toBeChecked();
  // Only the families that can fill a label are offered: no "numbers" switch for claim.
  await expect(page.getByRole('checkbox', { name: 'Suggest claim from numbers' })).toHaveCount(0);
  // The switch shows main's answer (a controlled checkbox), so it flips once the project has stored it.
  await numbersSwitch.click();
  await expect(numbersSwitch).not.toBeChecked();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(rowsOf(page, 'number')).toHaveCount(0);
  await expect(rowsOf(page, 'claim').first()).toBeVisible();
  await page.reload();
  await expect(rowsOf(page, 'claim').first()).toBeVisible();
  await expect(rowsOf(page, 'number')).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the suggestions panel and switches pass axe and are photographed, ${theme} theme`, async ({
    app,
  }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    await openDocument(page, sampleTitle(ENGLISH_SAMPLE));
    await expect(rowsOf(page, 'number').first()).toBeVisible();
    await clickText(page, 13, 'five', 1);
    await expect.poll(() => ghostTexts(page, 'sl-suggestion-target')).toEqual(['five']);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, `workbench-en-${theme}`);
    await chooseFromFileMenu(page, 'Labels…');
    await expect(page.getByRole('checkbox', { name: 'Suggest number from numbers' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, `labels-${theme}`);
  });
}

test('the suggestions panel in Arabic, on an Arabic article', async ({ app }) => {
  const { page } = app;
  // The interface follows the system's language; the page is mirrored as the app does for Arabic.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'languages', { get: () => ['ar'] });
    document.addEventListener('DOMContentLoaded', () => {
      document.documentElement.lang = 'ar';
      document.documentElement.dir = 'rtl';
    });
  });
  await page.reload();
  await openDocument(page, sampleTitle(ARABIC_SAMPLE));
  await expect(page.getByRole('region', { name: 'الاقتراحات' })).toBeVisible();
  await expect(rowsOf(page, 'number').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'الاقتراحات' })).toContainText('قاعدة الأعداد');
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, 'workbench-ar-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'workbench-ar-dark');
});
