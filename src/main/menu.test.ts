import { describe, expect, it, vi } from 'vitest';
import { EVENTS, MENU_COMMANDS } from '@shared/menu';

interface Item {
  label?: string;
  role?: string;
  submenu?: Item[];
  click?: () => void;
}

// A stand-in for Electron's Menu (the binary is not installed here): keeps the template it is given.
const built: { template: Item[] } = { template: [] };
vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: Item[]) => {
      built.template = template;
      return {};
    },
    setApplicationMenu: () => {},
  },
}));

const { installMenu } = await import('./menu');

function clickable(items: Item[]): Item[] {
  return items.flatMap((item) => [...(item.click ? [item] : []), ...clickable(item.submenu ?? [])]);
}

describe('the application menu', () => {
  it('offers every menu command the renderer runs, each item sending its own command to the window', () => {
    const send = vi.fn();
    installMenu(() => ({ webContents: { send } }) as never);
    const sent = clickable(built.template).map((item) => {
      send.mockClear();
      item.click!();
      expect(send).toHaveBeenCalledTimes(1);
      expect(send.mock.calls[0]![0]).toBe(EVENTS.menuCommand);
      return send.mock.calls[0]![1] as string;
    });
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
    expect(clickable(built.template).map((item) => item.label)).toContain('Backups…');
  });

  it('speaks Arabic when the interface does, every command still sent', () => {
    installMenu(() => undefined, 'ar');
    expect(built.template[0]!.label).toBe('ملف');
    const labels = clickable(built.template).map((item) => item.label!);
    expect(labels).toHaveLength(MENU_COMMANDS.length);
    for (const label of labels) expect(label).toMatch(/[\u0600-\u06FF]/);
  });
});
