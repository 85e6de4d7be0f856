/**
 * Import problems as the tests compare them, in English: each is first checked to carry its problems as
 * messages whose English, a line each, is its `reason` word for word (what the interface words in Arabic is
 * then what the CLI prints in English).
 */
import { expect } from 'vitest';
import { englishOf } from '@shared/messages/message';
import type { ImportProblem } from '@shared/model';

export function inEnglish(problems: readonly ImportProblem[]): Array<{ fileName: string; reason: string }> {
  return problems.map(({ fileName, reason, i18n }) => {
    expect(i18n?.map(englishOf).join('\n'), `the messages of ${fileName}`).toBe(reason);
    return { fileName, reason };
  });
}
