/**
 * Per-user settings kept outside any project: the last project and the recent ones. Written to a temporary
 * file and renamed, so a crash mid-write leaves the previous settings intact.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const settingsSchema = z.object({
  lastProject: z.string().nullable().default(null),
  recentProjects: z.array(z.string()).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;

const MAX_RECENT = 10;

export class SettingsStore {
  private readonly file: string;
  private settings: Settings;

  constructor(readonly dataDir: string) {
    this.file = join(dataDir, 'settings.json');
    this.settings = this.load();
  }

  get(): Settings {
    return this.settings;
  }

  rememberProject(path: string): void {
    const recent = [path, ...this.settings.recentProjects.filter((p) => p !== path)].slice(0, MAX_RECENT);
    this.save({ lastProject: path, recentProjects: recent });
  }

  private load(): Settings {
    try {
      return settingsSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // Missing or unreadable settings only lose the recent list; they never stop the app from starting.
      return settingsSchema.parse({});
    }
  }

  private save(settings: Settings): void {
    mkdirSync(this.dataDir, { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(settings, null, 2));
    renameSync(temporary, this.file);
    this.settings = settings;
  }
}
