// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_NAMESPACES } from '@shared/messages/message';
import { applyLanguage, i18n, localeResources, systemLanguage } from './i18n';
import { formatDate, formatNumber } from './format';

afterEach(() => applyLanguage('en'));

describe('i18n', () => {
  it("loads the core's message catalogues beside the interface's own namespaces, in every language", () => {
    const resources = localeResources();
    for (const namespace of MESSAGE_NAMESPACES) {
      expect(resources.en).toHaveProperty(namespace);
      expect(resources.ar).toHaveProperty(namespace);
    }
    expect(i18n.options.ns).toEqual(expect.arrayContaining([...MESSAGE_NAMESPACES]));
  });

  it('follows the first preferred language the interface has, else English', () => {
    expect(systemLanguage(['fr-FR', 'ar-SA', 'en'])).toBe('ar');
    expect(systemLanguage(['en-US'])).toBe('en');
    expect(systemLanguage(['de', 'fr'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });

  it('mirrors the page for Arabic and back', () => {
    applyLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    applyLanguage('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it("chooses each language's plural form, with the language's digits", () => {
    expect(i18n.t('count.annotations', { count: 1 })).toBe('1 annotation');
    expect(i18n.t('count.annotations', { count: 1200 })).toBe('1,200 annotations');
    applyLanguage('ar');
    expect(i18n.t('count.annotations', { count: 2 })).toBe('توسيمان');
    expect(i18n.t('count.annotations', { count: 3 })).toBe('٣ توسيمات');
    expect(i18n.t('count.annotations', { count: 11 })).toBe('١١ توسيمًا');
    expect(i18n.t('count.annotations', { count: 100 })).toBe('١٠٠ توسيم');
  });

  it('formats numbers and dates per language', () => {
    expect(formatNumber(4000, 'en')).toBe('4,000');
    expect(formatNumber(4000, 'ar')).toBe('٤٬٠٠٠');
    expect(formatDate('2020-09-30', 'en')).toBe('30 Sept 2020');
    expect(formatDate('2020-09-30', 'ar')).toMatch(/٢٠٢٠/);
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
