/**
 * Per-user settings kept outside any project: the last project and the recent ones, and where the user was
 * in each project (the document and how far down it), so a reload or a restart reopens it. Written to a temporary
 * file and renamed, so a crash mid-write leaves the previous settings intact.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TextDirection } from '@shared/direction';
import {
  LANGUAGE_CHOICES,
  THEME_CHOICES,
  type LanguageChoice,
  type Place,
  type ThemeChoice,
} from '@shared/model';

const settingsSchema = z.object({
  lastProject: z.string().nullable().default(null),
  recentProjects: z.array(z.string()).default([]),
  theme: z.enum(THEME_CHOICES).default('system'),
  language: z.enum(LANGUAGE_CHOICES).default('system'),
  /** Paragraphs whose direction the user flipped: by project path, document id, then line. */
  directions: z
    .record(z.string(), z.record(z.string(), z.record(z.string(), z.enum(['ltr', 'rtl']))))
    .default({}),
  /** By project path. */
  places: z
    .record(z.string(), z.object({ documentId: z.string(), offset: z.number().int().min(0) }))
    .default({}),
});

export type Settings = z.infer<typeof settingsSchema>;

const MAX_RECENT = 10;
/** Places kept for this many projects, the most recently used. */
const MAX_PLACES = 50;

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
    this.save({ ...this.settings, lastProject: path, recentProjects: recent });
  }

  setTheme(theme: ThemeChoice): void {
    this.save({ ...this.settings, theme });
  }

  setLanguage(language: LanguageChoice): void {
    this.save({ ...this.settings, language });
  }

  /** The directions the user set for paragraphs of a document, by line. */
  directionsIn(projectPath: string, documentId: string): Record<string, TextDirection> {
    return this.settings.directions[projectPath]?.[documentId] ?? {};
  }

  /** Sets one paragraph's direction; null gives it back to its dominant script. */
  setDirection(projectPath: string, documentId: string, line: number, direction: TextDirection | null): void {
    const project = { ...this.settings.directions[projectPath] };
    const lines = { ...project[documentId] };
    if (direction === null) delete lines[String(line)];
    else lines[String(line)] = direction;
    if (Object.keys(lines).length > 0) project[documentId] = lines;
    else delete project[documentId];
    this.save({ ...this.settings, directions: { ...this.settings.directions, [projectPath]: project } });
  }

  placeIn(projectPath: string): Place | null {
    return this.settings.places[projectPath] ?? null;
  }

  rememberPlace(projectPath: string, place: Place): void {
    const others = Object.entries(this.settings.places).filter(([path]) => path !== projectPath);
    // The newest last, so the oldest are the ones dropped.
    const places = Object.fromEntries([...others.slice(-(MAX_PLACES - 1)), [projectPath, place]]);
    this.save({ ...this.settings, places });
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
