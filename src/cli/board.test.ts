import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOARD_COLUMNS } from '@shared/board';
import { runCliCollecting as cli } from '../../test/support/cli';
import { useTempDirs } from '../../test/support/fixtures';

const temp = useTempDirs();

// Code points differ from UTF-16 units after the flag; the Arabic article holds a denial.
const ENGLISH = '🇸🇾 Officials said that 430 more fighters were sent, and "93, or so" were killed.';
const ARABIC = 'قال المرصد إن 72 مقاتلاً قتلوا. ونفت أذربيجان وجود أي مقاتلين أجانب على أراضيها.';

const at = (text: string, needle: string) => {
  const units = text.indexOf(needle);
  const start = [...text.slice(0, units)].length;
  return { start, end: start + [...needle].length };
};

async function project() {
  const dir = temp.make();
  const dataset = join(dir, 'docs.jsonl');
  const lines = [
    {
      id: 'en',
      text: ENGLISH,
      spans: [
        { ...at(ENGLISH, '430'), label: 'number', attributes: { topic: 'fighters sent', value: 430 } },
        {
          ...at(ENGLISH, '93'),
          label: 'number',
          attributes: { topic: 'fighters killed', approximate: true },
        },
      ],
    },
    {
      id: 'ar',
      text: ARABIC,
      spans: [
        { id: 'c1', ...at(ARABIC, '72 مقاتلاً قتلوا'), label: 'claim', attributes: { source: 'المرصد' } },
        { ...at(ARABIC, '72'), label: 'number', attributes: { topic: 'fighters killed', value: 72 } },
        { id: 'd1', ...at(ARABIC, 'نفت أذربيجان وجود أي مقاتلين أجانب على أراضيها'), label: 'denial' },
      ],
      relations: [{ from: 'd1', to: 'c1', type: 'denies' }],
    },
  ];
  writeFileSync(dataset, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const path = join(dir, 'p.spanlight');
  const imported = await cli('import', path, dataset);
  expect(imported.err).toEqual([]);
  return { dir, path };
}

describe('spanlight board', () => {
  it('writes one CSV row per span with a topic, whose offsets slice each text to its text column', async () => {
    const { dir, path } = await project();
    const out = join(dir, 'board.csv');
    const { code, out: printed } = await cli('board', path, '--format', 'csv', '--out', out);
    expect(code).toBe(0);
    expect(printed).toEqual([`wrote 3 rows on 2 topics to ${out}`]);
    const rows = parse(readFileSync(out, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...BOARD_COLUMNS]);
    expect(rows.map((r) => [r.topic, r.text, r.value, r.approximate, r.source])).toEqual([
      ['fighters sent', '430', '430', 'false', ''],
      ['fighters killed', '72', '72', 'false', 'المرصد'],
      ['fighters killed', '93', '93', 'true', ''],
    ]);
    const texts: Record<string, string> = { en: ENGLISH, ar: ARABIC };
    for (const row of rows)
      expect([...texts[row.doc_id!]!].slice(Number(row.start), Number(row.end)).join('')).toBe(row.text);
    // The figure 72 sits in the claim Azerbaijan denies.
    expect(rows.map((r) => r.denied_by)).toEqual(['', 'd1', '']);
  });

  it('keeps to one topic with --topic, and writes JSON with --format json', async () => {
    const { dir, path } = await project();
    const out = join(dir, 'killed.json');
    expect(
      (await cli('board', path, '--topic', 'Fighters Killed', '--format', 'json', '--out', out)).code,
    ).toBe(0);
    const rows = JSON.parse(readFileSync(out, 'utf8')) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.topic, r.value, r.denied_by])).toEqual([
      ['fighters killed', 72, ['d1']],
      ['fighters killed', 93, []],
    ]);
  });

  it('refuses an unknown topic, a missing --format or --out, with clear messages and no file', async () => {
    const { dir, path } = await project();
    const out = join(dir, 'x.csv');
    const unknown = await cli('board', path, '--topic', 'pay', '--format', 'csv', '--out', out);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.err).toEqual([
      'spanlight: the project has no topic "pay" (its topics: "fighters sent", "fighters killed")',
    ]);
    expect((await cli('board', path, '--out', out)).err[0]).toMatch(/--format must be one of csv, json/);
    expect((await cli('board', path, '--format', 'csv')).code).toBe(2);
    expect(existsSync(out)).toBe(false);
    // Nothing was written beside the project either (no copy: the project is current).
    expect(readdirSync(dir).sort()).toEqual(['docs.jsonl', 'p.spanlight']);
  });
});

describe('topics that arrive with a merged layer', () => {
  it('join the topic list, so the board of the merged project names them', async () => {
    const dir = temp.make();
    const path = join(dir, 'lead.spanlight');
    const write = (name: string, line: object) => {
      writeFileSync(join(dir, name), JSON.stringify(line) + '\n');
      return join(dir, name);
    };
    expect((await cli('import', path, write('doc.jsonl', { id: 'doc', text: ENGLISH }))).code).toBe(0);
    const source = write('ana.jsonl', {
      id: 'elsewhere',
      text: ENGLISH,
      spans: [
        {
          ...at(ENGLISH, '430'),
          label: 'number',
          annotator: 'Ana',
          attributes: { topic: 'fighters sent', value: 430 },
        },
      ],
    });
    expect((await cli('merge', path, source)).code).toBe(0);
    const out = join(dir, 'board.json');
    const board = await cli('board', path, '--topic', 'fighters sent', '--format', 'json', '--out', out);
    expect(board.err).toEqual([]);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject([{ topic: 'fighters sent', value: 430 }]);
  });
});
