/**
 * axe-core on every main screen (the project picker, the workbench, each dialog), in the light and the dark
 * theme: any serious or critical violation fails. Each screen is also saved as a screenshot at 1024, 1400 and
 * 1920 px wide, to be looked at (test-results/).
 */
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './support/app';
import { seriousViolations } from './support/axe';
import {
  ANNOTATOR,
  ARABIC_SAMPLE,
  ENGLISH_SAMPLE,
  chooseFromFileMenu,
  importSamples,
  openDocument,
  sampleTitle,
  tagText,
} from './support/workbench';

const WIDTHS = [1024, 1400, 1920];
const THEMES = ['light', 'dark'] as const;

/** Checks the screen with axe, then photographs it at each width. */
async function checkScreen(page: Page, testInfo: TestInfo, name: string, theme: string): Promise<void> {
  expect(await seriousViolations(page), `${name}, ${theme} theme`).toEqual([]);
  const height = page.viewportSize()!.height;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${theme}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1400, height });
}

for (const theme of THEMES) {
  test(`axe finds nothing serious on any main screen, ${theme} theme (the system's)`, async ({
    app,
  }, testInfo) => {
    test.setTimeout(240_000);
    const { page } = app;
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.getByLabel('New project path').waitFor();
    await checkScreen(page, testInfo, 'picker', theme);

    await page.getByLabel('New project path').fill(app.projectPath);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Who is annotating?' })).toBeVisible();
    await checkScreen(page, testInfo, 'annotator-prompt', theme);
    await page.getByLabel('Annotator name').fill(ANNOTATOR);
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await importSamples(page);
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
    await openDocument(page, sampleTitle(ENGLISH_SAMPLE));
    await tagText(page, 11, 'Twelve', false, '3');
    await checkScreen(page, testInfo, 'workbench', theme);

    await openDocument(page, sampleTitle(ARABIC_SAMPLE));
    await tagText(page, 2, 'ريف حلب الشمالي', true, '1');
    await tagText(page, 2, 'وصل 17 مقاتلاً', true, '2');
    await checkScreen(page, testInfo, 'workbench-arabic', theme);

    await page.getByRole('button', { name: 'File', exact: true }).click();
    await checkScreen(page, testInfo, 'file-menu', theme);
    await page.keyboard.press('Escape');

    for (const [item, dialog] of [
      ['Labels…', 'Labels'],
      ['Backups…', 'Backups'],
      ['Export…', 'Export dataset'],
    ] as const) {
      await chooseFromFileMenu(page, item);
      await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
      await checkScreen(page, testInfo, dialog.toLowerCase().replace(' ', '-'), theme);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }

    await page.locator('.article').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('f');
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Syrian');
    await expect(page.getByTestId('document-hit').first()).toBeVisible();
    await checkScreen(page, testInfo, 'search', theme);
    await page.keyboard.press('Escape');

    await page.locator('.article').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible();
    await checkScreen(page, testInfo, 'cheat-sheet', theme);
  });
}

test('the theme switch overrides the system and is kept across a reload', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await background()).toBe('rgb(23, 24, 26)');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
});
