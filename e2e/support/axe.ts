import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * The serious and critical violations axe-core finds on the page as it is (or in the part `include` selects,
 * such as one dialog), one line each.
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary}`));
}

/**
 * Runs `each` in the light and then the dark theme (the system's, which the app follows), once the page has
 * taken it; the page is left in the light theme.
 */
export async function inBothThemes(
  page: Page,
  each: (theme: 'light' | 'dark') => Promise<void>,
): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await each(theme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
}

/** axe finds nothing serious in either theme, the screen photographed in each at `path(theme)`. */
export async function checkBothThemes(
  page: Page,
  name: string,
  path: (theme: 'light' | 'dark') => string,
  fullPage = false,
): Promise<void> {
  await inBothThemes(page, async (theme) => {
    expect(await seriousViolations(page), `${name}, ${theme}`).toEqual([]);
    await page.screenshot({ path: path(theme), fullPage });
  });
}
