/**
 * axe-core on every main screen (the project picker, the workbench, each dialog, the import report and the
 * export banner), in the light and the dark theme, in English and in Arabic: any serious or critical violation
 * fails. Each screen is also saved as a screenshot, to be looked at (test-results/, or SPANLIGHT_SHOTS).
 */
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './support/app';
import { seriousViolations } from './support/axe';
import { words, type Language } from './support/strings';
import {
  ANNOTATOR,
  ARABIC_SAMPLE,
  ENGLISH_SAMPLE,
  SAMPLE_FILES,
  dragSelect,
  openDocument,
  sampleTitle,
} from './support/workbench';

const THEMES = ['light', 'dark'] as const;
const LANGUAGES = ['en', 'ar'] as const;
/**
 * Each screen is photographed at these widths in English; in Arabic at 1400 only, to keep the run short,
 * unless SPANLIGHT_SHOTS names a folder to photograph every screen into at every width (a visual pass).
 */
const WIDTHS = [1024, 1400, 1920];
const SHOTS = process.env.SPANLIGHT_SHOTS;

/** Checks the screen with axe, then photographs it at each width. */
async function checkScreen(
  page: Page,
  testInfo: TestInfo,
  name: string,
  theme: string,
  language: Language,
): Promise<void> {
  expect(await seriousViolations(page), `${name}, ${theme} theme, ${language}`).toEqual([]);
  const height = page.viewportSize()!.height;
  const widths = SHOTS || language === 'en' ? WIDTHS : [1400];
  for (const width of widths) {
    await page.setViewportSize({ width, height });
    const file = `${name}-${language}-${theme}-${width}.png`;
    await page.screenshot({ path: SHOTS ? join(SHOTS, file) : testInfo.outputPath(file) });
  }
  await page.setViewportSize({ width: 1400, height });
}

for (const language of LANGUAGES) {
  for (const theme of THEMES) {
    test(`axe finds nothing serious on any main screen, ${theme} theme (the system's), ${language}`, async ({
      app,
    }, testInfo) => {
      test.setTimeout(240_000);
      const { page } = app;
      const t = words(language);
      const screen = (name: string) => checkScreen(page, testInfo, name, theme, language);
      await page.emulateMedia({ colorScheme: theme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.getByLabel('New project path').waitFor();
      if (language !== 'en') {
        await page.getByRole('combobox', { name: 'Language' }).selectOption(language);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
      }
      await screen('picker');

      await page.getByLabel(t('dialogs:picker.newPath')).fill(app.projectPath);
      await page.getByRole('button', { name: t('dialogs:picker.createButton'), exact: true }).click();
      await expect(page.getByRole('dialog', { name: t('dialogs:annotator.title') })).toBeVisible();
      await screen('annotator-prompt');
      await page.getByLabel(t('dialogs:annotator.name')).fill(ANNOTATOR);
      await page.getByRole('button', { name: t('action.save'), exact: true }).click();

      await page.getByTestId('import-files-input').setInputFiles(SAMPLE_FILES);
      await expect(page.getByTestId('document-row')).toHaveCount(6);
      await expect(page.getByTestId('notice')).toBeVisible();
      await screen('import-report');
      await page
        .getByTestId('notice')
        .getByRole('button', { name: t('action.dismiss') })
        .click();
      await openDocument(page, sampleTitle(ENGLISH_SAMPLE));
      await tag(page, 11, 'Twelve', false, '3');
      await screen('workbench');

      await openDocument(page, sampleTitle(ARABIC_SAMPLE));
      await tag(page, 2, 'ريف حلب الشمالي', true, '1');
      await tag(page, 2, 'وصل 17 مقاتلاً', true, '2');
      await screen('workbench-arabic');

      await page.getByRole('button', { name: t('workbench:file.menu'), exact: true }).click();
      await screen('file-menu');
      await page.keyboard.press('Escape');

      for (const [item, dialog, name] of [
        ['workbench:file.labels', 'dialogs:labels.title', 'labels'],
        ['workbench:file.backups', 'dialogs:backups.title', 'backups'],
        ['workbench:file.export', 'dialogs:export.title', 'export-dataset'],
        ['workbench:file.saveCopy', 'dialogs:saveCopy.title', 'save-copy'],
      ] as const) {
        await page.getByRole('button', { name: t('workbench:file.menu'), exact: true }).click();
        await page.getByRole('menuitem', { name: t(item) }).click();
        await expect(page.getByRole('dialog', { name: t(dialog) })).toBeVisible();
        await screen(name);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
      }

      await page.locator('.article').click({ position: { x: 1, y: 1 } });
      await page.keyboard.press('f');
      await page.getByRole('searchbox', { name: t('dialogs:search.articles') }).fill('Syrian');
      await expect(page.getByTestId('document-hit').first()).toBeVisible();
      await screen('search');
      await page.keyboard.press('Escape');

      await page.locator('.article').click({ position: { x: 1, y: 1 } });
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: t('dialogs:keys.title') })).toBeVisible();
      await screen('cheat-sheet');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: t('workbench:file.menu'), exact: true }).click();
      await page.getByRole('menuitem', { name: t('workbench:file.exportJsonl') }).click();
      await expect(page.getByTestId('export-destination')).toBeVisible();
      await screen('export-done');
    });
  }
}

/** Drags over `needle` and tags it with a label key, waiting until the save indicator says it is saved. */
async function tag(page: Page, line: number, needle: string, rtl: boolean, key: string): Promise<void> {
  await dragSelect(page, line, needle, rtl);
  await page.keyboard.press(key);
  await expect(page.getByTestId('save-indicator')).toHaveClass(/save-saved/);
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
