// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { errorMessage, importMessage } from '@shared/messages/keys';
import { message } from '@shared/messages/message';
import type { ImportProblem } from '@shared/model';
import rejections from '../../../test/support/importRejections.json';
import { importProblemText, importReasonText } from '../state/importText';
import { errorNotice } from '../state/slices/ui';
import { applyLanguage } from './i18n';
import { errorText, wordOr } from './message';

afterEach(() => applyLanguage('en'));

describe("the core's errors in the interface's language", () => {
  const error = new AppError('not_found', errorMessage('notFound.path', { path: '/data/قديم.spanlight' }))
    .payload;

  it('words the English exactly as the core wrote it', () => {
    expect(errorText(error)).toBe('/data/قديم.spanlight does not exist');
    expect(errorNotice(error)).toEqual({
      kind: 'error',
      text: error.message,
      details: [],
      // Kept as the message too, so the notice bar words it live (SaidText).
      said: { text: error.i18n, details: [] },
    });
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

describe("why an import rejected a file, in the interface's language", () => {
  // What the importer answers for these bad files (pinned by src/core/import/rejectionMessages.test.ts).
  const [pastEnd, notUtf8, shortRow] = rejections as ImportProblem[];

  it('words each reason in English exactly as the report states it', () => {
    for (const problem of rejections as ImportProblem[])
      expect(importReasonText(problem)).toBe(problem.reason);
  });

  it('words them in Arabic, the file and line as they are', () => {
    applyLanguage('ar');
    expect(importReasonText(pastEnd!)).toBe(
      'past-end.jsonl:1: المقطع 1: النهاية 40 بعد آخر النص (طوله 10 نقطة رمزية)',
    );
    expect(importReasonText(notUtf8!)).toBe(
      'ليس الملف نصًا صالحًا بترميز UTF-8 (أول بايت غير صالح في الموضع 3)',
    );
    expect(importReasonText(shortRow!)).toBe('short.csv:3: في الصف حقل واحد، وفي سطر العناوين ٢');
    expect(importProblemText('rejected', notUtf8!)).toBe(
      'رُفض latin1.txt: ليس الملف نصًا صالحًا بترميز UTF-8 (أول بايت غير صالح في الموضع 3)',
    );
  });

  it('shows the English of a report that came without messages (an older host)', () => {
    applyLanguage('ar');
    expect(importReasonText({ fileName: 'a.txt', reason: 'it is empty' })).toBe('it is empty');
    const forged = { fileName: 'a.txt', reason: 'it is empty', i18n: [{ ns: 'imports', key: 1 }] };
    expect(importReasonText(forged as unknown as ImportProblem)).toBe('it is empty');
  });

  it('words a message inside another in the same language: the action an undo could not take back', () => {
    const refusal = new AppError(
      'invalid_input',
      errorMessage('history.undoConflict', { what: message('actions', 'create', { label: 'claim' }) }),
    ).payload;
    expect(errorText(refusal)).toMatch(/^Cannot undo “create claim”: another window/);
    expect(errorText(refusal)).toBe(refusal.message);
    applyLanguage('ar');
    expect(errorText(refusal)).toMatch(/^تعذّر التراجع عن «إنشاء claim»: /);
  });

  it('words what found a suggestion in Arabic, the cue word left as the article has it', () => {
    applyLanguage('ar');
    expect(wordOr(message('suggestions', 'learned', { count: 3 }), 'tagged 3 times before')).toBe(
      'وُسِم ٣ مرات من قبل',
    );
    expect(wordOr(message('suggestions', 'cue', { cue: 'said' }), 'cue: said')).toBe('إشارة: said');
    expect(wordOr(message('suggestions', 'number.digits'), 'digits')).toBe('أرقام');
  });

  it('words why a value was refused inside the problem that names it, in Arabic too', () => {
    const problem = importMessage('span.label', {
      where: 'a.jsonl:1',
      n: '1',
      key: '',
      value: '"x"',
      detail: importMessage('value.tooLong', { count: 60 }),
    });
    expect(wordOr(problem, '')).toBe('a.jsonl:1: span 1: label "x": it is longer than 60 characters');
    applyLanguage('ar');
    expect(wordOr(problem, '')).toBe('a.jsonl:1: المقطع 1: الوسم "x" غير مقبول: أطول من ٦٠ حرفًا');
  });
});
