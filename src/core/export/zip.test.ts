import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/fixtures';
import { ZipWriter } from './zip';

const temp = useTempDirs();

async function writeZip(path: string, files: Iterable<[string, Uint8Array[]]>): Promise<void> {
  const out = createWriteStream(path);
  const zip = new ZipWriter(out);
  for (const [name, chunks] of files) {
    const entry = await zip.add(name);
    for (const chunk of chunks) await entry.write(chunk);
    await entry.close();
  }
  await zip.end();
  out.end();
  await once(out, 'finish');
}

/** Python's zipfile: checks every CRC and prints what it read. */
function pythonRead(path: string, script: string): string {
  const run = spawnSync(
    'python3',
    [
      '-c',
      `import zipfile, sys, json\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n${script}`,
      path,
    ],
    { encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

describe('ZipWriter', () => {
  it('writes entries Python reads back byte for byte: empty, small, UTF-8 names, and one streamed past a megabyte', async () => {
    const path = join(temp.make(), 'a.zip');
    const big = Buffer.from('نص 😀 text\n'.repeat(120_000));
    await writeZip(path, [
      ['empty.txt', []],
      ['Sources/نص.txt', [Buffer.from('مرحبا 😀')]],
      ['big.txt', [big.subarray(0, 700_000), big.subarray(700_000)]],
    ]);
    const read = JSON.parse(
      pythonRead(
        path,
        'import hashlib\nprint(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}))',
      ),
    );
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(read).toEqual({
      'empty.txt': sha(Buffer.alloc(0)),
      'Sources/نص.txt': sha(Buffer.from('مرحبا 😀')),
      'big.txt': sha(big),
    });
  });

  it('holds more than 65,535 entries (ZIP64 end records)', async () => {
    const path = join(temp.make(), 'many.zip');
    const count = 70_000;
    function* files(): Generator<[string, Uint8Array[]]> {
      for (let i = 0; i < count; i++) yield [`f/${i}.txt`, [Buffer.from(String(i))]];
    }
    await writeZip(path, files());
    expect(
      pythonRead(path, 'names = z.namelist()\nprint(len(names), names[-1], z.read(names[-1]).decode())'),
    ).toBe(`${count} f/69999.txt 69999`);
  }, 60_000);
});
