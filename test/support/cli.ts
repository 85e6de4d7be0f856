/** The CLI run in-process, for tests: its exit code and what it printed to each stream. */
import { runCli } from '../../src/cli/run';

export async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}
