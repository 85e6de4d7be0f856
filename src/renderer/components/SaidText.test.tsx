// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { errorMessage, importMessage } from '@shared/messages/keys';
import { applyLanguage } from '../i18n/i18n';
import { said } from '../i18n/said';
import { describeReport } from '../state/slices/datasets';
import { SaidText } from './SaidText';

const html = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>);

afterEach(() => applyLanguage('en'));

describe('SaidText', () => {
  const missing = errorMessage('notFound.path', { path: '/data/قديم.spanlight' });

  it('words it in the language of the moment, each name set apart in a <bdi>', () => {
    expect(html(<SaidText said={missing} />)).toBe('<bdi>/data/قديم.spanlight</bdi> does not exist');
    applyLanguage('ar');
    // In an Arabic sentence the path stays whole: its leading "/" does not move to the far end.
    expect(html(<SaidText said={missing} />)).toBe('<bdi>/data/قديم.spanlight</bdi> غير موجود');
  });

  it('shows a bidi control a name hides as VisibleText does, inside its <bdi>', () => {
    const spoofed = errorMessage('notFound.path', { path: 'safe\u202egnp.exe' });
    expect(html(<SaidText said={spoofed} />)).toBe(
      '<bdi>safe<span class="invisible-char" title="U+202E RIGHT-TO-LEFT OVERRIDE">◇</span>gnp.exe</bdi> does not exist',
    );
  });

  it('words a nested one in its place and a list one a line, numbers in the language’s digits', () => {
    const report = describeReport({
      imported: [],
      skipped: [],
      rejected: [
        {
          fileName: 'bad.jsonl',
          reason: 'two lines',
          i18n: [
            importMessage('document.emptyText', { where: 'bad.jsonl:1' }),
            importMessage('document.emptyText', { where: 'bad.jsonl:2' }),
          ],
        },
      ],
    });
    applyLanguage('ar');
    const head = html(<SaidText said={report.said!.text} />);
    expect(head).toContain('١');
    expect(head).not.toMatch(/[0-9]/);
    const line = html(<SaidText said={report.said!.details[0]!} />);
    expect(line).toContain('<bdi>bad.jsonl</bdi>');
    expect(line.split('\n')).toHaveLength(2);
    expect(line).toContain('<bdi>bad.jsonl:2</bdi>');
  });

  it('is worded anew after a language switch: a notice made in English reads in Arabic', () => {
    const notice = said('common', 'notice.allFinished');
    const english = html(<SaidText said={notice} />);
    applyLanguage('ar');
    expect(html(<SaidText said={notice} />)).not.toBe(english);
    expect(html(<SaidText said={notice} />)).toMatch(/[\u0600-\u06ff]/);
  });
});
