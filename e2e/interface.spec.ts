/**
 * The stumbles a new user met in a full stretch of work (issue 14), each pinned where the user met it: in the
 * real renderer, with real keys and clicks.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import {
  ENGLISH_SEED,
  createProject,
  importSeeds,
  openDocument,
  seedTitle,
} from './support/workbench';

const ENGLISH_TITLE = seedTitle(ENGLISH_SEED);

async function setup(page: Page, projectPath: string): Promise<void> {
  await createProject(page, projectPath);
  await importSeeds(page);
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
}

const fileButton = (page: Page) => page.getByRole('button', { name: 'File', exact: true });

test('the File menu closes on Escape (focus back on its button), on a click outside and on choosing', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  const menu = page.getByRole('menu');

  await expect(fileButton(page)).toHaveAttribute('aria-haspopup', 'menu');
  await fileButton(page).click();
  await expect(fileButton(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('menuitem', { name: 'Import files…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Import folder…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(fileButton(page)).toBeFocused();
  await expect(fileButton(page)).toHaveAttribute('aria-expanded', 'false');

  await fileButton(page).click();
  await expect(menu).toBeVisible();
  await page.getByTestId('document-row').first().click();
  await expect(menu).toHaveCount(0);

  await fileButton(page).click();
  await page.getByRole('menuitem', { name: 'Labels…' }).click();
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Labels' })).toBeVisible();
});

test('F, Ctrl+F and the Search button put the focus in the search field, so typed keys land there', async ({
  app,
}) => {
  const { page } = app;
  await setup(page, app.projectPath);
  await openDocument(page, ENGLISH_TITLE);
  const field = page.getByRole('searchbox', { name: 'Search articles' });

  for (const open of [
    () => page.keyboard.press('f'),
    () => page.keyboard.press('Control+f'),
    () => page.getByRole('button', { name: /^Search/ }).click(),
  ]) {
    await page.locator('.article').click({ position: { x: 1, y: 1 } });
    await open();
    await expect(field).toBeFocused();
    await page.keyboard.type('Syrian');
    await expect(field).toHaveValue('Syrian');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
});
