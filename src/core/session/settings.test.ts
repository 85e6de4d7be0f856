import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/fixtures';
import { SettingsStore } from './settings';

const temp = useTempDirs();

describe('settings: where the user was', () => {
  it('keeps the place per project, across a restart, without losing the recent projects', () => {
    const dir = temp.make();
    const settings = new SettingsStore(dir);
    settings.rememberProject('/p/a.spanlight');
    settings.rememberPlace('/p/a.spanlight', { documentId: 'doc-2', offset: 1200 });
    settings.rememberPlace('/p/b.spanlight', { documentId: 'doc-9', offset: 0 });
    settings.rememberPlace('/p/a.spanlight', { documentId: 'doc-3', offset: 40 });

    const restarted = new SettingsStore(dir);
    expect(restarted.placeIn('/p/a.spanlight')).toEqual({ documentId: 'doc-3', offset: 40 });
    expect(restarted.placeIn('/p/b.spanlight')).toEqual({ documentId: 'doc-9', offset: 0 });
    expect(restarted.placeIn('/p/c.spanlight')).toBeNull();
    expect(restarted.get().recentProjects).toEqual(['/p/a.spanlight']);
    restarted.rememberProject('/p/b.spanlight');
    expect(new SettingsStore(dir).placeIn('/p/a.spanlight')).toEqual({ documentId: 'doc-3', offset: 40 });
  });

  it('keeps the places of the 50 projects used last', () => {
    const settings = new SettingsStore(temp.make());
    for (let i = 0; i < 60; i++) settings.rememberPlace(`/p/${i}.spanlight`, { documentId: 'd', offset: i });
    expect(settings.placeIn('/p/9.spanlight')).toBeNull();
    expect(settings.placeIn('/p/10.spanlight')).toEqual({ documentId: 'd', offset: 10 });
    expect(settings.placeIn('/p/59.spanlight')).toEqual({ documentId: 'd', offset: 59 });
  });
});

describe('settings: paragraph directions the user flipped', () => {
  it('keeps them per project and document, and forgets one given back to its script', () => {
    const dir = temp.make();
    const settings = new SettingsStore(dir);
    settings.setDirection('/p/a.spanlight', 'doc-1', 4, 'ltr');
    settings.setDirection('/p/a.spanlight', 'doc-1', 9, 'rtl');
    settings.setDirection('/p/b.spanlight', 'doc-1', 4, 'rtl');
    expect(new SettingsStore(dir).directionsIn('/p/a.spanlight', 'doc-1')).toEqual({
      '4': 'ltr',
      '9': 'rtl',
    });
    settings.setDirection('/p/a.spanlight', 'doc-1', 4, null);
    expect(new SettingsStore(dir).directionsIn('/p/a.spanlight', 'doc-1')).toEqual({ '9': 'rtl' });
    expect(settings.directionsIn('/p/b.spanlight', 'doc-1')).toEqual({ '4': 'rtl' });
    expect(settings.directionsIn('/p/a.spanlight', 'doc-2')).toEqual({});
  });
});

describe('settings: the interface language', () => {
  it('follows the system until the user picks one, and keeps the choice across a restart', () => {
    const dir = temp.make();
    const settings = new SettingsStore(dir);
    expect(settings.get().language).toBe('system');
    settings.setTheme('dark');
    settings.setLanguage('ar');
    const restarted = new SettingsStore(dir);
    expect(restarted.get().language).toBe('ar');
    expect(restarted.get().theme).toBe('dark');
  });
});
