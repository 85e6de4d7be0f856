import type { Page } from '@playwright/test';
import { test, expect } from './support/app';
import {
  ENGLISH_SAMPLE,
  chooseFromFileMenu,
  createProject,
  dragSelect,
  expectSaved,
  importSamples,
  openDocument,
  sampleTitle,
} from './support/workbench';

const ENGLISH_TITLE = sampleTitle(ENGLISH_SAMPLE);

async function openBackups(page: Page): Promise<void> {
  await chooseFromFileMenu(page, 'Backups…');
  await expect(page.getByRole('dialog', { name: 'Backups' })).toBeVisible();
}

test('restores a backup in two clicks, and the state it replaced becomes a backup to go back to', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importSamples(page);
  const rows = page.getByTestId('backup-row');

  await openBackups(page);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('by hand');
  await expect(rows.first()).toContainText('6 documents, 0 annotations');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Backups' })).toHaveCount(0);

  await openDocument(page, ENGLISH_TITLE);
  await dragSelect(page, 11, 'Twelve Syrian fighters who had been flown to the Dorlak region', false);
  await page.keyboard.press('1');
  await expectSaved(page);
  await expect(page.getByTestId('annotation-row')).toHaveCount(1);

  // The two clicks: File → Backups…, then Restore.
  await openBackups(page);
  await page.screenshot({ path: testInfo.outputPath('backups.png') });
  await rows.filter({ hasText: '0 annotations' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('notice')).toContainText('Restored the backup of');
  await expect(page.getByRole('dialog', { name: 'Backups' })).toHaveCount(0);
  await openDocument(page, ENGLISH_TITLE);
  await expect(page.getByTestId('annotation-row')).toHaveCount(0);
  // Dismissed, so the next restore's notice is a new one to wait for.
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('notice')).toHaveCount(0);

  await openBackups(page);
  await expect(rows).toHaveCount(2);
  await rows.filter({ hasText: 'before a restore' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('notice')).toContainText('Restored the backup of');
  await openDocument(page, ENGLISH_TITLE);
  await expect(page.getByTestId('annotation-row')).toHaveCount(1);
  await expect(page.getByTestId('annotation-row')).toContainText('Twelve Syrian fighters');
});
