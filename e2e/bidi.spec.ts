/**
 * Regression: bidi overrides acted outside the article. A note `safe\u202egnp.exe` showed as "safeexe.png", and
 * titles and label names did the same. Every interface string now shows them as the article does (◇, named
 * on hover), so what is on screen is in the stored order; the data itself is unchanged.
 */
import type { Locator } from '@playwright/test';
import { test, expect } from './support/app';
import { callInPage } from './support/inPage';
import { dropFiles } from './support/drop';
import { createProject } from './support/workbench';

const RLO = '\u202e';
const TITLE = `Invoice safe${RLO}gnp.exe`;
const LABEL = `evil${RLO}lebal`;
const NOTE = `safe${RLO}gnp.exe`;
const BODY = 'The minister said 12 people were hurt.';

/** Whether "gnp.exe" in `element` is drawn left to right: its first letter left of its last. */
function drawnInOrder(element: Locator): Promise<boolean> {
  return element.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf('gnp.exe');
      if (at === -1) continue;
      const box = (from: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, from + 1);
        return range.getBoundingClientRect();
      };
      return box(at).left < box(at + 6).left;
    }
    throw new Error(`no "gnp.exe" in ${el.textContent}`);
  });
}

test('regression: a bidi override in a title, a label and a note shows as ◇, and the text keeps its order', async ({
  app,
}) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  const text = `${TITLE}\n${BODY}`;
  const start = text.indexOf('minister');
  await dropFiles(page, [
    {
      name: 'bidi.jsonl',
      text:
        JSON.stringify({
          id: 'bidi-1',
          text,
          spans: [{ start, end: start + 'minister'.length, label: LABEL, note: NOTE }],
        }) + '\n',
    },
  ]);
  await expect(page.getByTestId('notice')).toContainText('1 imported');
  // The labels an import creates reach the toolbar on the next load (the store reloads documents only).
  await page.reload();

  // The document list: the marker where the control was, nothing raw, drawn in order.
  const title = page.getByTestId('document-row').locator('.document-title');
  await expect(title).toHaveText('Invoice safe◇gnp.exe');
  expect(await title.evaluate((el) => el.textContent)).not.toContain(RLO);
  expect(await title.getAttribute('title')).toBe('Invoice safe◇gnp.exe');
  expect(await drawnInOrder(title)).toBe(true);
  await expect(title.locator('.invisible-char')).toHaveAttribute('title', 'U+202E RIGHT-TO-LEFT OVERRIDE');

  await page.getByTestId('document-row').click();
  await expect(page.locator('.article > p').nth(1)).toHaveText(BODY);
  // The label's button in the toolbar, and the annotation in the list with its note.
  const labelButton = page.locator('.toolbar .label-button').filter({ hasText: 'evil' });
  await expect(labelButton).toContainText('evil◇lebal');
  const row = page.getByTestId('annotation-row');
  await expect(row.locator('.annotation-label')).toHaveText('evil◇lebal');
  const note = row.locator('.annotation-note');
  await expect(note).toHaveText('safe◇gnp.exe');
  expect(await drawnInOrder(note)).toBe(true);
  for (const shown of [labelButton, row])
    expect(await shown.evaluate((el) => el.textContent)).not.toContain(RLO);

  // Selected: the inspector's label choice is drawn the same; the note field edits the stored note as it is,
  // and says what it holds.
  await row.click();
  await expect(page.getByRole('radio', { name: 'evil◇lebal' })).toBeVisible();
  await expect(page.getByLabel('Note')).toHaveValue(NOTE);
  await expect(page.getByTestId('invisible-chars-note')).toHaveText('Holds ◇ U+202E RIGHT-TO-LEFT OVERRIDE');

  // The hover card over the annotated text.
  const minister = await page
    .locator('.article > p')
    .nth(1)
    .evaluate((p) => {
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()!;
      const range = document.createRange();
      range.setStart(node, node.textContent!.indexOf('minister'));
      range.setEnd(node, node.textContent!.indexOf('minister') + 'minister'.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
  await page.mouse.move(minister.x, minister.y);
  const tip = page.getByTestId('hover-tip');
  await expect(tip).toContainText('evil◇lebal');
  await expect(tip).toContainText('safe◇gnp.exe');
  expect(await tip.evaluate((el) => el.textContent)).not.toContain(RLO);

  // Search results.
  await page.getByRole('button', { name: /^Search/ }).click();
  await page.getByLabel('Search articles').fill('minister');
  const hit = page.getByTestId('document-hit');
  await expect(hit).toContainText('Invoice safe◇gnp.exe');
  expect(await drawnInOrder(hit.locator('strong'))).toBe(true);

  // Only the display changed: the stored title, label and note still hold the control.
  const [documents, hits, labels] = await Promise.all([
    callInPage<Array<{ title: string }>>(page, 'documents:list'),
    callInPage<Array<{ annotation: { note: string } }>>(page, 'search:annotations'),
    callInPage<Array<{ name: string }>>(page, 'labels:list'),
  ]);
  const stored = {
    title: documents[0]!.title,
    note: hits[0]!.annotation.note,
    labels: labels.map((l) => l.name),
  };
  expect(stored.title).toBe(TITLE);
  expect(stored.note).toBe(NOTE);
  expect(stored.labels).toContain(LABEL);
});
