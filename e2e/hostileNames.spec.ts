/**
 * Finding 7: a label named `__proto__` (any import format can bring one) blanked the window when Labels…
 * opened, and labels can be deleted only from that dialog.
 */
import { test, expect } from './support/app';
import { createProject } from './support/workbench';
import { dropFiles } from './support/drop';

test('a dataset with labels named __proto__, constructor and toString: Labels… opens, counts and deletes them', async ({
  app,
}, testInfo) => {
  const { page } = app;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await createProject(page, app.projectPath);
  const text = 'The army said 3 fell.';
  const spans = ['__proto__', 'constructor', 'toString'].map((label, i) => ({
    start: i * 4,
    end: i * 4 + 3,
    label,
  }));
  await dropFiles(page, [{ name: 'hostile.jsonl', text: JSON.stringify({ id: 'd1', text, spans }) + '\n' }]);
  await expect(page.getByTestId('notice')).toContainText('Import: 1 imported, 0 skipped, 0 rejected');
  await expect(page.getByTestId('annotation-row')).toHaveCount(3);
  // The window lists labels when it loads a project (an import does not refresh them yet): load it again.
  await page.reload();
  await expect(page.locator('.toolbar .label-button')).toHaveCount(6);

  await page.getByRole('button', { name: 'Labels…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  const row = (name: string) =>
    dialog.getByTestId('label-row').filter({ has: page.getByLabel(`Name of ${name}`) });
  for (const name of ['__proto__', 'constructor', 'toString'])
    await expect(row(name)).toContainText(/\b1 annotation\b(?!s)/);
  await page.screenshot({ path: testInfo.outputPath('hostile-labels.png') });
  await row('__proto__').getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByTestId('label-row')).toHaveCount(5);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('annotation-row')).toHaveCount(2);
  await expect(page.locator('.article')).toContainText(text);
  await expect(page.getByTestId('render-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});
