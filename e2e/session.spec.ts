/**
 * The browser host's session in a real browser: the launch address opens it once, the page never sees the
 * secret, a reload keeps it, and another browser with the same address gets nothing. Browser host only.
 */
import { test, expect } from './support/app';

test('the launch address opens one HttpOnly session; a reload keeps it; a second browser is refused', async ({
  app,
}) => {
  const { page } = app;
  // playwright.config.ts leaves this spec out of the Electron runs, which talk over IPC, not HTTP.
  const host = app.host!;
  const origin = `http://127.0.0.1:${host.port}`;
  // The nonce has left the address bar.
  await expect(page).toHaveURL(`${origin}/`);

  const [cookie, ...others] = await page.context().cookies();
  expect(others).toEqual([]);
  expect(cookie).toMatchObject({
    name: `spanlight-${host.port}`,
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
  });
  expect(host.url).not.toContain(cookie!.value);
  const appInfo = () =>
    page.evaluate(async () => {
      const reply = await fetch('/api/app:info', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return { status: reply.status, cookieSeenByScript: document.cookie };
    });
  expect(await appInfo()).toEqual({ status: 200, cookieSeenByScript: '' });

  await page.reload();
  await expect(page).toHaveURL(`${origin}/`);
  expect(await appInfo()).toEqual({ status: 200, cookieSeenByScript: '' });

  // Another browser (another context: no cookies) with the address the first one was given.
  const other = await page.context().browser()!.newContext();
  const tab = await other.newPage();
  const replay = await tab.goto(host.url);
  expect(replay!.status()).toBe(403);
  await expect(tab.locator('body')).toContainText('has been used or has expired');
  const plain = await tab.goto(`${origin}/`);
  expect(plain!.status()).toBe(401);
  await other.close();
});
