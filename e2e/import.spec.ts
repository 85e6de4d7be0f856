import { test, expect } from './support/app';
import { dropFiles } from './support/drop';
import { shotPath } from './support/shots';
import { words } from './support/strings';
import { createProject, importSamples } from './support/workbench';

const ar = words('ar');

const bytes = (text: string) => Array.from(Buffer.from(text, 'utf8'));

test('drag-and-drop imports good files, rejects bad ones by name and reason, and skips duplicates', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importSamples(page);

  await dropFiles(page, [
    { name: 'fresh.txt', bytes: bytes('A fresh report\r\nOfficials deny 300 fighters arrived.\r\n') },
    { name: 'latin1.txt', bytes: [0x63, 0x61, 0x66, 0xe9, 0x0a] },
    { name: 'blank.txt', bytes: bytes(' \n\t\n') },
    { name: 'again.txt', bytes: bytes('A fresh report\nOfficials deny 300 fighters arrived.\n') },
  ]);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Import: 1 imported, 1 skipped, 2 rejected');
  await expect(notice).toContainText(
    'Rejected latin1.txt: it is not valid UTF-8 (first bad byte at offset 3)',
  );
  await expect(notice).toContainText('Rejected blank.txt: it holds only whitespace');
  await expect(notice).toContainText('Skipped again.txt: already in the project (same text)');
  await page.screenshot({ path: testInfo.outputPath('import-report.png') });

  await expect(page.getByTestId('document-row')).toHaveCount(7);
  await page.getByTestId('document-row').filter({ hasText: 'A fresh report' }).click();
  // CRLF became LF: two paragraphs of text and the empty line after the final newline.
  await expect(page.locator('.article > p')).toHaveCount(3);
  await expect(page.locator('.article > p').nth(1)).toHaveText('Officials deny 300 fighters arrived.');
});

test('in Arabic, why a file was rejected and why a project does not open are said in Arabic', async ({
  app,
}) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Language: العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  const pastEnd = { text: 'قال الوزير', spans: [{ start: 4, end: 40, label: 'claim' }] };
  await dropFiles(page, [
    { name: 'past-end.jsonl', bytes: bytes(`${JSON.stringify(pastEnd)}\n`) },
    { name: 'latin1.txt', bytes: [0x63, 0x61, 0x66, 0xe9, 0x0a] },
  ]);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText(
    'رُفض past-end.jsonl: past-end.jsonl:1: المقطع 1: النهاية 40 بعد آخر النص (طوله 10 نقطة رمزية)',
  );
  await expect(notice).toContainText(
    'رُفض latin1.txt: ليس الملف نصًا صالحًا بترميز UTF-8 (أول بايت غير صالح في الموضع 3)',
  );
  await expect(notice).not.toContainText('past the end');
  await page.screenshot({ path: shotPath('import', 'rejected-in-arabic.png') });

  // An error of the core (AppError) is worded in Arabic too: a project path that does not exist.
  await page.getByRole('button', { name: ar('workbench:file.menu'), exact: true }).click();
  await page.getByRole('menuitem', { name: ar('workbench:file.switchProject') }).click();
  const missing = `${app.projectPath}.missing.spanlight`;
  await page.getByLabel(ar('dialogs:picker.openPath')).fill(missing);
  await page.getByRole('button', { name: ar('dialogs:picker.openButton'), exact: true }).click();
  await expect(notice).toContainText(`${missing} غير موجود`);
  await page.screenshot({ path: shotPath('import', 'error-in-arabic.png') });
});

test('article text with markup is shown as text and runs nothing', async ({ app }) => {
  const { page } = app;
  // Anything that tried to run would also trip the CSP: record every violation from the page's first script on.
  await page.addInitScript(() => {
    const record = window as unknown as { __violations: string[] };
    record.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      record.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.reload();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await createProject(page, app.projectPath);
  const lines = [
    '<script>window.__pwned = 1</script>',
    '<img src=x onerror="window.__pwned = 2">',
    '<a href="javascript:window.__pwned=3">link</a> **bold** _em_ [md](javascript:alert(4))',
    '<svg onload="window.__pwned = 5"></svg><iframe src="javascript:alert(6)"></iframe>',
    '<style>body { display: none }</style>&lt;b&gt;entity&lt;/b&gt; &amp; <b>bold</b>',
  ];
  await dropFiles(page, [{ name: 'hostile.txt', bytes: bytes(lines.join('\n')) }]);
  await expect(page.getByTestId('notice')).toContainText('1 imported');
  for (const [i, line] of lines.entries()) await expect(page.locator('.article > p').nth(i)).toHaveText(line);
  // The title (its first line) is text in the document list too.
  await expect(page.getByTestId('document-row')).toContainText(lines[0]!);
  // Not one element of the markup exists, in the article or anywhere else.
  await expect(page.locator('.article :is(img, script, a, svg, iframe, style, strong, em, b)')).toHaveCount(
    0,
  );
  await expect(page.locator('[onerror], [onload], iframe, a[href^="javascript:"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // zod probes once whether it may compile validators with eval (the CSP says no): the one report expected.
  const violations = await page.evaluate(
    () => (window as unknown as { __violations: string[] }).__violations,
  );
  expect(violations.filter((v) => v !== 'script-src eval')).toEqual([]);
});

test('reopens the last project after a restart of the app', async ({ app }) => {
  const { page } = app;
  await createProject(page, app.projectPath);
  await importSamples(page);
  await page.reload();
  await expect(page.locator('.project-name')).toHaveText('test');
  await expect(page.getByTestId('document-row')).toHaveCount(6);
});
