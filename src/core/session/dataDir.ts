import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where settings (and the default project) live outside Electron: $SPANLIGHT_DATA_DIR, else the XDG config dir. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SPANLIGHT_DATA_DIR) return env.SPANLIGHT_DATA_DIR;
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'Spanlight');
}
