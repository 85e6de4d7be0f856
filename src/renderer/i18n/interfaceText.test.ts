// @vitest-environment jsdom
/**
 * The interface's words through i18next: statuses, the cheat sheet and the export formats in both languages
 * (their English copies equal to the text the rest of the app and the CLI use), errors from main by their
 * code, and the language the interface takes from the user's choice or the system.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_INFO } from '@shared/datasets';
import { KEY_ACTIONS } from '@shared/keys';
import { DOCUMENT_STATUSES, EXPORT_FORMATS } from '@shared/model';
import { resolveLanguage } from '@shared/language';
import { statusName } from '../components/statusNames';
import { errorNotice } from '../state/slices/ui';
import { applyLanguage, i18n } from './i18n';

afterEach(() => applyLanguage('en'));

describe('the interface text', () => {
  it('names each status in both languages', () => {
    expect(DOCUMENT_STATUSES.map(statusName)).toEqual(['To do', 'In progress', 'Done', 'Skipped']);
    applyLanguage('ar');
    const arabic = DOCUMENT_STATUSES.map(statusName);
    expect(new Set(arabic).size).toBe(DOCUMENT_STATUSES.length);
    for (const name of arabic) expect(name).toMatch(/^[\u0600-\u06FF «»]+$/);
  });

  it("writes the cheat sheet's English as the key map does, and every action in Arabic", () => {
    for (const action of KEY_ACTIONS) {
      expect(i18n.t(`keys.action.${action.id}`, { ns: 'dialogs' })).toBe(action.description);
      expect(i18n.getFixedT('ar', 'dialogs')(`keys.action.${action.id}`)).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('describes each export format in English as the CLI does, and in Arabic', () => {
    for (const format of EXPORT_FORMATS) {
      expect(i18n.t(`export.formats.${format}`, { ns: 'dialogs' })).toBe(
        EXPORT_FORMAT_INFO[format].description,
      );
      expect(i18n.getFixedT('ar', 'dialogs')(`export.formats.${format}`)).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it("shows main's error message as it is in English, and by its code in Arabic with the message below", () => {
    const error = { code: 'not_a_project' as const, message: 'notes.txt is not a Spanlight project' };
    expect(errorNotice(error)).toEqual({ kind: 'error', text: error.message, details: [] });
    applyLanguage('ar');
    expect(errorNotice(error)).toEqual({
      kind: 'error',
      text: 'هذا الملف ليس مشروع Spanlight',
      details: [error.message],
    });
  });

  it('speaks the chosen language, or the first the system prefers that it has', () => {
    expect(resolveLanguage('ar', ['en-US'])).toBe('ar');
    expect(resolveLanguage('en', ['ar-EG'])).toBe('en');
    expect(resolveLanguage('system', ['fr-FR', 'ar-EG'])).toBe('ar');
    expect(resolveLanguage('system', ['de-DE'])).toBe('en');
  });
});
