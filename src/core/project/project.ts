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
  isBusyError,
  openProjectDatabase,
  projectInUseError,
  registerFunctions,
  type Db,
  type OpenOptions,
} from '../db/connection';
import { AnnotationRepository } from '../repositories/annotations';
import { ChangeLogRepository } from '../repositories/changeLog';
import { DocumentRepository } from '../repositories/documents';
import { LabelRepository } from '../repositories/labels';
import { LayerRepository } from '../repositories/layers';
import { MetaRepository } from '../repositories/meta';
import { RelationRepository } from '../repositories/relations';
import { SearchRepository } from '../repositories/search';
import { SuggestionRepository } from '../repositories/suggestions';
import { AnnotationService } from './annotationService';
import { HistoryService } from './historyService';
import { LabelService } from './labelService';
import { RelationService } from './relationService';

export const PROJECT_EXTENSION = '.spanlight';

/** Where time comes from, so tests can fix it. */
export type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();

/** The read-only view an export walks. */
export interface ProjectReader {
  documents: DocumentRepository;
  annotations: AnnotationRepository;
  relations: RelationRepository;
  labels: LabelRepository;
}

export class Project {
  readonly documents: DocumentRepository;
  readonly labels: LabelRepository;
  readonly annotations: AnnotationRepository;
  readonly relations: RelationRepository;
  readonly changes: ChangeLogRepository;
  readonly meta: MetaRepository;
  readonly layers: LayerRepository;
  readonly suggestions: SuggestionRepository;
  readonly annotationService: AnnotationService;
  readonly relationService: RelationService;
  readonly labelService: LabelService;
  readonly search: SearchRepository;
  readonly history: HistoryService;

  private constructor(
    readonly db: Db,
    readonly path: string | null,
    readonly clock: Clock,
  ) {
    this.documents = new DocumentRepository(db);
    this.labels = new LabelRepository(db);
    this.annotations = new AnnotationRepository(db);
    this.relations = new RelationRepository(db);
    this.changes = new ChangeLogRepository(db);
    this.meta = new MetaRepository(db);
    this.layers = new LayerRepository(db);
    this.suggestions = new SuggestionRepository(db);
    this.annotationService = new AnnotationService(this);
    this.relationService = new RelationService(this);
    this.labelService = new LabelService(this);
    this.search = new SearchRepository(db, this.annotations);
    this.history = new HistoryService(this);
  }

  static create(path: string, clock: Clock = systemClock): Project {
    const project = new Project(createProjectDatabase(path), path, clock);
    project.meta.set('created_at', clock());
    return project;
  }

  static open(path: string, clock: Clock = systemClock, options: OpenOptions = {}): Project {
    return new Project(openProjectDatabase(path, options), path, clock);
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
    return {
      path: this.path ?? ':memory:',
      name: this.name,
      documentCount: this.documents.count(),
      annotator: this.annotator,
    };
  }

  setAnnotator(name: string): void {
    this.transaction(() => {
      const before = this.annotator;
      this.meta.set('annotator', name);
      this.changes.append(null, 'do', this.clock(), name, {
        entity: 'project',
        entityId: 'annotator',
        before,
        after: name,
      });
    });
  }

  /**
   * Runs `fn` in one transaction: all of its writes land, or none. IMMEDIATE takes the write lock first,
   * waiting up to busy_timeout while another program (a second window, the CLI) writes; a transaction that
   * read first could not wait, SQLite would refuse its first write outright (SQLITE_BUSY_SNAPSHOT).
   */
  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      if (this.path && isBusyError(error)) throw projectInUseError(this.path);
      throw error;
    }
  }

  /**
   * Runs `read` over a consistent snapshot of the project on a connection of its own, so a long export sees
   * one state of the data while the app goes on writing through the main connection.
   */
  async withSnapshot<T>(read: (reader: ProjectReader) => Promise<T>): Promise<T> {
    if (!this.path) return read(this);
    const snapshot = new Database(this.path, { readonly: true, fileMustExist: true });
    registerFunctions(snapshot);
    try {
      snapshot.exec('BEGIN');
      // A read transaction takes its snapshot at the first read, not at BEGIN.
      snapshot.prepare('SELECT count(*) FROM documents').get();
      const reader: ProjectReader = {
        documents: new DocumentRepository(snapshot),
        annotations: new AnnotationRepository(snapshot),
        relations: new RelationRepository(snapshot),
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
