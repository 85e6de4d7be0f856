/**
 * Runs the command line in-process, as its tests do, keeping what it printed. Test-only.
 */
import { runCli } from '../../src/cli/run';

export async function runCliCollecting(
  ...argv: string[]
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}
