import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
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

test('File → Save a copy… writes a project that holds every saved change', async ({ app }) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importSamples(page);
  await openDocument(page, sampleTitle(ENGLISH_SAMPLE));
  await dragSelect(page, 11, 'Twelve Syrian fighters who had been flown to the Dorlak region', false);
  await page.keyboard.press('1');
  await expectSaved(page);

  await chooseFromFileMenu(page, 'Save a copy…');
  const dialog = page.getByRole('dialog', { name: 'Save a copy' });
  const path = dialog.getByRole('textbox', { name: 'Path of the copy' });
  await expect(path).toHaveValue(/ copy\.spanlight$/);
  const target = await path.inputValue();
  await dialog.getByRole('button', { name: 'Save copy' }).click();
  await expect(page.getByTestId('notice')).toContainText(`Saved a copy of the project as ${target}`);
  await expect(dialog).toHaveCount(0);

  // One file, complete without a -wal beside it, while the app still has the original open.
  expect(existsSync(`${target}-wal`)).toBe(false);
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    expect(copy.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(6);
    expect(copy.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(1);
  } finally {
    copy.close();
  }

  // Saving over it again is refused, and says why.
  await chooseFromFileMenu(page, 'Save a copy…');
  await dialog.getByRole('textbox', { name: 'Path of the copy' }).fill(target);
  await dialog.getByRole('button', { name: 'Save copy' }).click();
  await expect(page.getByTestId('notice')).toContainText('already exists; choose another name');
});
