/**
 * Finding 5 (REFI-QDA): QualCoder saves each source as a file named by the source's name, and failed with
 * "File name too long" on a 266-character title. Names are now cut to fit a file name (255 bytes of UTF-8,
 * with `.txt` after them), at code points, and stay unique once cut; the project still passes the REFI-QDA
 * structure check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Importer } from '../import/importer';
import { sourceFromBytes } from '../import/sources';
import { Project } from '../project/project';
import { steppingClock, useTempDirs } from '../../../test/support/fixtures';
import { exportToFile } from './exporter';
import { MAX_NAME_BYTES } from './fileNames';

const temp = useTempDirs();
const CHECK = resolve(__dirname, '../../../scripts/check_consumers.py');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const LONG_LATIN =
  `Report: ${'officials said the convoy was hit near the northern checkpoint '.repeat(5)}`.slice(0, 266);
const LONG_ARABIC = 'قالت وزارة الصحة إن عدد القتلى ارتفع إلى ثلاثة وتسعين شخصاً في القصف '.repeat(4);
const SAME_START = 'ب'.repeat(200);

/** The `name` of every TextSource in the export's project.qde, in document order. */
function sourceNames(path: string): string[] {
  const qde = new TextDecoder().decode(unzipSync(readFileSync(path))['project.qde']);
  const unescape = (value: string) =>
    value.replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e]!);
  return [...qde.matchAll(/<TextSource guid="[^"]*" name="([^"]*)"/g)].map((m) => unescape(m[1]!));
}

describe('REFI-QDA source names (finding 5)', () => {
  it('cuts a 266-character title and a long Arabic title to a file name, keeps titles cut alike apart', async () => {
    expect(LONG_LATIN).toHaveLength(266);
    expect(bytes(LONG_ARABIC)).toBeGreaterThan(MAX_NAME_BYTES);
    const titles = [LONG_LATIN, LONG_ARABIC, `${SAME_START} أولاً`, `${SAME_START} ثانياً`, 'Short title'];
    const project = Project.inMemory(steppingClock());
    const lines = titles.map((title, i) => JSON.stringify({ title, text: `Article ${i} body` })).join('\n');
    const report = new Importer(project).importAll([sourceFromBytes('long.jsonl', Buffer.from(lines))]);
    expect(report.imported.map((d) => d.title)).toEqual(titles);
    const path = join(temp.make(), 'long.qdpx');
    await exportToFile(project, 'qdpx', path);
    project.close();

    const names = sourceNames(path);
    expect(names).toHaveLength(titles.length);
    for (const name of names) expect(bytes(`${name}.txt`)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    // Cut at whole code points: each name starts its title, with `_` for the `:` a file name cannot hold.
    expect(LONG_LATIN.replace(':', '_').startsWith(names[0]!)).toBe(true);
    expect(names[0]!.length).toBeGreaterThan(200);
    expect(LONG_ARABIC.startsWith(names[1]!)).toBe(true);
    expect(bytes(names[1]!)).toBeGreaterThan(MAX_NAME_BYTES - 8);
    // The two titles equal once cut get different names.
    expect(names[2]).toBe(SAME_START.slice(0, 125));
    expect(names[3]).toBe(`${SAME_START.slice(0, 124)}-2`);
    expect(names[4]).toBe('Short title');
    expect(new Set(names).size).toBe(names.length);

    const check = spawnSync(PYTHON, [CHECK, 'qdpx', path], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout).toBe('qdpx: ok, 0 checked\n');
  });
});
