/**
 * An open project: one SQLite file, its repositories and the services that change it. Plain Node, no
 * Electron: the app, the browser host, the CLI and the tests all use this class.
 */
import Database from 'better-sqlite3';
import { basename, extname } from 'node:path';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
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
import { FileIdentity } from '../db/fileIdentity';
import { IdleCheckpoint } from '../db/idleCheckpoint';
import { isWritable } from '../db/writeAccess';
import { AnnotationRepository, type AnnotationReads } from '../repositories/annotations';
import { ChangeLogRepository, type ChangeLogReads } from '../repositories/changeLog';
import { DocumentRepository, type DocumentReads } from '../repositories/documents';
import { LabelRepository, type LabelReads } from '../repositories/labels';
import { LayerRepository, type LayerReads } from '../repositories/layers';
import { MetaRepository, type MetaReads } from '../repositories/meta';
import { RelationRepository, type RelationReads } from '../repositories/relations';
import { SearchRepository } from '../repositories/search';
import { SuggestionRepository, type SuggestionReads } from '../repositories/suggestions';
import { TopicRepository, type TopicReads } from '../repositories/topics';
import { AdjudicationService } from './adjudicationService';
import { AnnotationService } from './annotationService';
import { DocumentService } from './documentService';
import { HistoryService } from './historyService';
import { ImportService } from './importService';
import { LabelService } from './labelService';
import { LayerAccess } from './layerAccess';
import { MergeService } from './mergeService';
import { RelationService } from './relationService';
import { SuggestionService } from './suggestionService';
import { TopicService } from './topicService';

export const PROJECT_EXTENSION = '.spanlight';

/** Where time comes from, so tests can fix it. */
export type Clock = () => string;
const systemClock: Clock = () => new Date().toISOString();

/** The read-only view an export walks. */
export interface ProjectReader {
  documents: DocumentReads;
  annotations: AnnotationReads;
  relations: RelationReads;
  labels: LabelReads;
  topics: TopicReads;
}

/**
 * The repositories with their writes. Only the services get them, and each service writes the change-log
 * row of every change in the same transaction: the team server will replay that log, so a write that
 * bypassed it would never reach the team. Everything else sees the reads (`Project.documents`, ...).
 */
export interface ProjectStore {
  documents: DocumentRepository;
  labels: LabelRepository;
  annotations: AnnotationRepository;
  relations: RelationRepository;
  changes: ChangeLogRepository;
  meta: MetaRepository;
  layers: LayerRepository;
  suggestions: SuggestionRepository;
  topics: TopicRepository;
}

export class Project {
  readonly documents: DocumentReads;
  readonly labels: LabelReads;
  readonly annotations: AnnotationReads;
  readonly relations: RelationReads;
  readonly changes: ChangeLogReads;
  readonly meta: MetaReads;
  readonly layers: LayerReads;
  readonly suggestions: SuggestionReads;
  readonly topics: TopicReads;
  readonly annotationService: AnnotationService;
  readonly relationService: RelationService;
  readonly labelService: LabelService;
  readonly documentService: DocumentService;
  readonly importService: ImportService;
  readonly search: SearchRepository;
  readonly history: HistoryService;
  readonly mergeService: MergeService;
  readonly adjudicationService: AdjudicationService;
  readonly suggestionService: SuggestionService;
  /** Which layers the user may change: their own, or the one they curate into. */
  readonly layerAccess = new LayerAccess(() => this.annotator);
  readonly topicService: TopicService;
  private readonly store: ProjectStore;
  /** Whether the file can be written; a read-only project opens for reading and refuses every change. */
  readonly readOnly: boolean;
  /** The opened file, so no change is acknowledged once its path names another file or none (fileIdentity.ts). */
  private readonly identity: FileIdentity | null;
  readonly checkpoint: IdleCheckpoint | null;

  private constructor(
    readonly db: Db,
    readonly path: string | null,
    readonly clock: Clock,
  ) {
    this.identity = path ? new FileIdentity(path) : null;
    this.checkpoint = path ? new IdleCheckpoint(db) : null;
    this.readOnly = path ? !isWritable(db, path) : false;
    const store: ProjectStore = {
      documents: new DocumentRepository(db),
      labels: new LabelRepository(db),
      annotations: new AnnotationRepository(db),
      relations: new RelationRepository(db),
      changes: new ChangeLogRepository(db),
      meta: new MetaRepository(db),
      layers: new LayerRepository(db),
      suggestions: new SuggestionRepository(db),
      topics: new TopicRepository(db),
    };
    this.store = store;
    this.documents = store.documents;
    this.labels = store.labels;
    this.annotations = store.annotations;
    this.relations = store.relations;
    this.changes = store.changes;
    this.meta = store.meta;
    this.layers = store.layers;
    this.suggestions = store.suggestions;
    this.topics = store.topics;
    this.labelService = new LabelService(this, store);
    this.annotationService = new AnnotationService(this, store);
    this.relationService = new RelationService(this, store);
    this.documentService = new DocumentService(this, store);
    this.importService = new ImportService(this, store, this.labelService);
    this.search = new SearchRepository(db, store.annotations);
    this.history = new HistoryService(this, store);
    this.mergeService = new MergeService(this, store);
    this.adjudicationService = new AdjudicationService(this, store);
    this.suggestionService = new SuggestionService(this, store);
    this.topicService = new TopicService(this, store);
  }

  static create(path: string, clock: Clock = systemClock): Project {
    const project = new Project(createProjectDatabase(path), path, clock);
    // Not a user change: when the project was made, as a fact about the file.
    project.store.meta.set('created_at', clock());
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
      readOnly: this.readOnly,
    };
  }

  setAnnotator(name: string): void {
    this.transaction(() => {
      const before = this.annotator;
      this.store.meta.set('annotator', name);
      this.store.changes.append(null, 'do', this.clock(), name, {
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
    if (this.readOnly) {
      throw new AppError('read_only', errorMessage('project.readOnly', { file: basename(this.path!) }));
    }
    try {
      const result = this.db
        .transaction(() => {
          const value = fn();
          // Last, before the commit: a change to a file that was renamed or replaced meanwhile is rolled back.
          this.identity?.check();
          return value;
        })
        .immediate();
      this.checkpoint?.afterCommit();
      return result;
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
        topics: new TopicRepository(snapshot),
      };
      return await read(reader);
    } finally {
      if (snapshot.inTransaction) snapshot.exec('COMMIT');
      snapshot.close();
    }
  }

  close(): void {
    this.checkpoint?.stop();
    closeDatabase(this.db);
  }
}
