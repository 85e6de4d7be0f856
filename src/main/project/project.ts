/**
 * An open project: one SQLite file, its repositories and the services that change it. Plain Node, no
 * Electron: the app, the browser host, the CLI and the tests all use this class.
 */
import Database from 'better-sqlite3';
import { basename, extname } from 'node:path';
import type { ProjectInfo } from '@shared/model';
import {
  closeDatabase,
  createMemoryDatabase,
  createProjectDatabase,
  openProjectDatabase,
  type Db,
} from '../db/connection';
import { AnnotationRepository } from '../repositories/annotations';
import { ChangeLogRepository } from '../repositories/changeLog';
import { DocumentRepository } from '../repositories/documents';
import { LabelRepository } from '../repositories/labels';
import { MetaRepository } from '../repositories/meta';
import { AnnotationService } from './annotationService';
import { HistoryService } from './historyService';

export const PROJECT_EXTENSION = '.spanlight';

/** Where time comes from, so tests can fix it. */
export type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();

/** The read-only view an export walks. */
export interface ProjectReader {
  documents: DocumentRepository;
  annotations: AnnotationRepository;
  labels: LabelRepository;
}

export class Project {
  readonly documents: DocumentRepository;
  readonly labels: LabelRepository;
  readonly annotations: AnnotationRepository;
  readonly changes: ChangeLogRepository;
  readonly meta: MetaRepository;
  readonly annotationService: AnnotationService;
  readonly history: HistoryService;

  private constructor(
    readonly db: Db,
    readonly path: string | null,
    readonly clock: Clock,
  ) {
    this.documents = new DocumentRepository(db);
    this.labels = new LabelRepository(db);
    this.annotations = new AnnotationRepository(db);
    this.changes = new ChangeLogRepository(db);
    this.meta = new MetaRepository(db);
    this.annotationService = new AnnotationService(this);
    this.history = new HistoryService(this);
  }

  static create(path: string, clock: Clock = systemClock): Project {
    const project = new Project(createProjectDatabase(path), path, clock);
    project.meta.set('created_at', clock());
    return project;
  }

  static open(path: string, clock: Clock = systemClock): Project {
    return new Project(openProjectDatabase(path), path, clock);
  }

  static inMemory(clock: Clock = systemClock): Project {
    return new Project(createMemoryDatabase(), null, clock);
  }

  get name(): string {
    return this.path ? basename(this.path, extname(this.path)) : 'In memory';
  }

  /** Who is annotating, recorded on annotations and in the change log. */
  get annotator(): string | null {
    return this.meta.get('annotator') ?? null;
  }

  info(): ProjectInfo {
    return { path: this.path ?? ':memory:', name: this.name, documentCount: this.documents.count() };
  }

  /** Runs `fn` in one transaction: all of its writes land, or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Runs `read` over a consistent snapshot of the project on a connection of its own, so a long export sees
   * one state of the data while the app goes on writing through the main connection.
   */
  async withSnapshot<T>(read: (reader: ProjectReader) => Promise<T>): Promise<T> {
    if (!this.path) return read(this);
    const snapshot = new Database(this.path, { readonly: true, fileMustExist: true });
    try {
      snapshot.exec('BEGIN');
      // A read transaction takes its snapshot at the first read, not at BEGIN.
      snapshot.prepare('SELECT count(*) FROM documents').get();
      const reader: ProjectReader = {
        documents: new DocumentRepository(snapshot),
        annotations: new AnnotationRepository(snapshot),
        labels: new LabelRepository(snapshot),
      };
      return await read(reader);
    } finally {
      if (snapshot.inTransaction) snapshot.exec('COMMIT');
      snapshot.close();
    }
  }

  close(): void {
    closeDatabase(this.db);
  }
}
