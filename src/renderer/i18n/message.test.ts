// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { errorNotice } from '../state/slices/ui';
import { applyLanguage } from './i18n';
import { errorText, wordOr } from './message';

afterEach(() => applyLanguage('en'));

describe("the core's errors in the interface's language", () => {
  const error = new AppError('not_found', errorMessage('notFound.path', { path: '/data/قديم.spanlight' }))
    .payload;

  it('words the English exactly as the core wrote it', () => {
    expect(errorText(error)).toBe('/data/قديم.spanlight does not exist');
    expect(errorNotice(error)).toEqual({ kind: 'error', text: error.message, details: [] });
  });

  it('words it in Arabic, with the name the user gave left as it is', () => {
    applyLanguage('ar');
    expect(errorText(error)).toBe('/data/قديم.spanlight غير موجود');
    expect(errorNotice(error).text).toBe('/data/قديم.spanlight غير موجود');
  });

  it('chooses the Arabic plural form by count', () => {
    applyLanguage('ar');
    const changed = (count: number) =>
      errorText(
        new AppError(
          'invalid_input',
          errorMessage('label.countChanged', { label: 'ادعاء', count, expected: 5 }),
        ).payload,
      );
    expect(changed(2)).toContain('توسيمان');
    expect(changed(1)).toContain('توسيم واحد');
  });

  it('shows the English of an error that came without a message, or with something that is not one', () => {
    applyLanguage('ar');
    expect(wordOr(undefined, 'Spanlight is not reachable')).toBe('Spanlight is not reachable');
    const forged = { ns: 'elsewhere', key: 'x' } as unknown as Parameters<typeof wordOr>[0];
    expect(wordOr(forged, 'the English')).toBe('the English');
    expect(errorNotice({ code: 'internal', message: 'boom' })).toEqual({
      kind: 'error',
      text: 'حدث خطأ ما',
      details: ['boom'],
    });
  });
});
