import type { Page } from '@playwright/test';

/** Drops files on the window as the OS would, with the given names and bytes (or text, as UTF-8). */
export async function dropFiles(
  page: Page,
  files: Array<{ name: string; bytes?: number[]; text?: string }>,
): Promise<void> {
  const list = files.map((f) => ({
    name: f.name,
    bytes: f.bytes ?? Array.from(Buffer.from(f.text ?? '', 'utf8')),
  }));
  const transfer = await page.evaluateHandle((entries) => {
    const data = new DataTransfer();
    for (const f of entries)
      data.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'text/plain' }));
    return data;
  }, list);
  await page.dispatchEvent('.workbench', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.workbench', 'drop', { dataTransfer: transfer });
}
