import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCollecting as cli } from '../../test/support/cli';
import { useTempDirs } from '../../test/support/fixtures';
import { Project } from '../core/project/project';

const temp = useTempDirs();

const ENGLISH =
  'Fifteen fighters were killed, the observatory said. 🇸🇾 Officials said that 430 more were sent.';
const ARABIC = 'قال المرصد إن 72 مقاتلاً قتلوا. ونفت أذربيجان وجود أي مقاتلين أجانب على أراضيها.';

async function project() {
  const dir = temp.make();
  const dataset = join(dir, 'docs.jsonl');
  writeFileSync(
    dataset,
    [
      { id: 'en', text: ENGLISH },
      { id: 'ar', text: ARABIC },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n') + '\n',
  );
  const path = join(dir, 'p.spanlight');
  expect((await cli('import', path, dataset)).code).toBe(0);
  return { dir, path };
}

describe('spanlight suggest', () => {
  it('writes canonical JSONL whose spans slice right, without changing the project', async () => {
    const { dir, path } = await project();
    const out = join(dir, 'suggested.jsonl');
    const { code, out: printed } = await cli('suggest', path, '--out', out);
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(['en', 'ar']);
    for (const line of lines)
      for (const span of line.spans) {
        expect([...line.text].slice(span.start, span.end).join('')).toBe(span.text);
        expect(span.origin).toBe('suggestion');
      }
    const labels = lines.map((l) =>
      l.spans.map((s: { label: string; text: string }) => `${s.label}:${s.text}`),
    );
    expect(labels[0]).toEqual(
      expect.arrayContaining(['number:Fifteen', 'number:430', 'claim:430 more were sent']),
    );
    expect(labels[1]).toEqual(expect.arrayContaining(['number:72', 'claim:72 مقاتلاً قتلوا']));
    expect(labels[1].some((l: string) => l.startsWith('denial:نفت أذربيجان'))).toBe(true);
    expect(printed.at(-1)).toMatch(/^\d+ suggestions in 2 documents written to /);
    const reopened = Project.open(path);
    expect(reopened.db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(0);
    reopened.close();
    // The file is canonical JSONL: it imports into a fresh project with every span.
    const again = join(dir, 'again.spanlight');
    expect((await cli('import', again, out)).code).toBe(0);
    const imported = Project.open(again);
    expect(imported.db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(
      lines.reduce((n, l) => n + l.spans.length, 0),
    );
    imported.close();
  });

  it('--labels keeps those labels; --accept --as adds them as that annotator’s, remembering their origin', async () => {
    const { path } = await project();
    const { code, out } = await cli('suggest', path, '--labels', 'number', '--accept', '--as', 'Bot');
    expect(code).toBe(0);
    expect(out[0]).toBe('3 suggestions accepted as Bot in 2 documents');
    const reopened = Project.open(path);
    const rows = reopened.db.prepare('SELECT label_id, annotator, origin FROM annotations').all();
    expect(rows).toEqual(Array(3).fill({ label_id: 'number', annotator: 'Bot', origin: 'suggestion' }));
    reopened.close();
    expect((await cli('suggest', path, '--labels', 'number', '--accept', '--as', 'Bot')).out[0]).toBe(
      '0 suggestions accepted as Bot in 2 documents',
    );
  });

  it('refuses --accept without --as, and an unknown label', async () => {
    const { path } = await project();
    expect((await cli('suggest', path, '--accept')).code).toBe(2);
    expect((await cli('suggest', path, '--labels', 'rumour', '--out', 'x.jsonl')).err[0]).toMatch(
      /no label "rumour"/,
    );
  });
});
