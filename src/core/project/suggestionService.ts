/**
 * Suggestions in a project: found for a document by the rules and the learned matcher, accepted as ordinary
 * annotations that remember their origin, rejected so the same text is not offered again for that label, and
 * switched off per label and rule family. Rejections and settings are logged like every other change.
 */
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { AnnotationDelta } from '@shared/model';
import type { SwitchedOffRule } from '@shared/suggestions';
import { learnedKey } from '../suggest/learned';
import { suggest, SUGGESTION_RULES, type Suggestion, type SuggestionRule } from '../suggest/suggester';
import type { Project, ProjectStore } from './project';

const DISABLED_KEY = 'suggestions.disabled';

export class SuggestionService {
  private cache: {
    version: number;
    tagged: Array<{ labelId: string; text: string }>;
    rejected: Set<string>;
  } | null = null;

  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
  ) {}

  /** The learned texts and rejections, read again only when the change log has moved. */
  private memory() {
    const version = this.project.suggestions.version();
    if (this.cache?.version !== version) {
      this.cache = {
        version,
        tagged: this.project.suggestions.tagged(),
        rejected: new Set(this.project.suggestions.rejected().map((r) => `${r.labelId}\u0000${r.key}`)),
      };
    }
    return this.cache;
  }

  /** Rule families switched off, as "labelId:rule". */
  disabled(): Set<string> {
    const stored = this.project.meta.get(DISABLED_KEY);
    return new Set(stored ? (JSON.parse(stored) as string[]) : []);
  }

  /** The rule families switched off, label by label. */
  switchedOff(): SwitchedOffRule[] {
    return [...this.disabled()].flatMap((entry) => {
      const cut = entry.lastIndexOf(':');
      const rule = entry.slice(cut + 1) as SuggestionRule;
      return SUGGESTION_RULES.includes(rule) ? [{ labelId: entry.slice(0, cut), rule }] : [];
    });
  }

  setEnabled(labelId: string, rule: SuggestionRule, enabled: boolean): void {
    const { project } = this;
    if (!project.labels.get(labelId))
      throw new AppError('not_found', errorMessage('notFound.label', { id: labelId }));
    if (!SUGGESTION_RULES.includes(rule))
      throw new AppError('invalid_input', errorMessage('suggest.unknownRule', { rule }));
    project.transaction(() => {
      const before = [...this.disabled()].sort();
      const next = new Set(before);
      if (enabled) next.delete(`${labelId}:${rule}`);
      else next.add(`${labelId}:${rule}`);
      const after = [...next].sort();
      this.store.meta.set(DISABLED_KEY, JSON.stringify(after));
      this.store.changes.append(null, 'do', project.clock(), project.annotator, {
        entity: 'project',
        entityId: DISABLED_KEY,
        before,
        after,
      });
    });
  }

  /**
   * The suggestions for one document, against the layer of `annotator`; when absent, the layer the user works
   * in (the curated one while curating, where an accepted suggestion goes).
   */
  forDocument(
    documentId: string,
    options: { labels?: ReadonlySet<string>; annotator?: string | null } = {},
  ): Suggestion[] {
    const { project } = this;
    const document = project.documents.get(documentId);
    if (!document) throw new AppError('not_found', errorMessage('notFound.document', { id: documentId }));
    const annotator = options.annotator === undefined ? project.layerAccess.acting : options.annotator;
    const memory = this.memory();
    const disabled = this.disabled();
    return suggest({
      text: document.text,
      labels: project.labels.list(),
      annotations: project.annotations
        .listByDocument(documentId)
        .filter((a) => annotator === null || a.annotator === annotator),
      tagged: memory.tagged,
      isRejected: (labelId, key) => memory.rejected.has(`${labelId}\u0000${key}`),
      isEnabled: (labelId, rule) => !disabled.has(`${labelId}:${rule}`),
      onlyLabels: options.labels,
    });
  }

  /**
   * Accepts every suggestion of a document at once, from one pass of the rules and as one undoable action:
   * a suggestion that overlaps one accepted before it, of the same label, is left out, as the suggester leaves
   * out what an annotation of its label already covers. Null when there was nothing to accept.
   */
  acceptAll(
    documentId: string,
    options: { labels?: ReadonlySet<string>; annotator?: string } = {},
  ): AnnotationDelta | null {
    const accepted: Suggestion[] = [];
    for (const suggestion of this.forDocument(documentId, options)) {
      const covered = accepted.some(
        (a) => a.labelId === suggestion.labelId && a.start < suggestion.end && a.end > suggestion.start,
      );
      if (!covered) accepted.push(suggestion);
    }
    if (accepted.length === 0) return null;
    return this.project.annotationService.createMany(
      documentId,
      accepted.map((suggestion) => this.asAnnotation(suggestion, options.annotator)),
    );
  }

  /**
   * Makes a suggestion an annotation of `annotator` (the layer the user works in when absent), remembering where
   * it came from. Only a suggestion the rules offer now is taken: a stale or made-up id adds nothing.
   */
  accept(documentId: string, suggestionId: string, annotator?: string): AnnotationDelta {
    const found = this.offered(documentId, suggestionId, annotator);
    return this.project.annotationService.create({ documentId, ...this.asAnnotation(found, annotator) });
  }

  private offered(documentId: string, suggestionId: string, annotator?: string): Suggestion {
    const found = this.forDocument(documentId, { annotator }).find((s) => s.id === suggestionId);
    if (!found) throw new AppError('not_found', errorMessage('suggest.gone', { id: suggestionId }));
    return found;
  }

  private asAnnotation(suggestion: Suggestion, annotator?: string) {
    return {
      start: suggestion.start,
      end: suggestion.end,
      labelId: suggestion.labelId,
      attributes: suggestion.attributes,
      origin: 'suggestion' as const,
      annotator,
    };
  }

  /** Rejects a suggestion offered now in a document: its text is not offered again for its label. */
  rejectOffered(documentId: string, suggestionId: string): void {
    const found = this.offered(documentId, suggestionId);
    this.reject(found.labelId, found.text);
  }

  /** Not offered again: this text, for this label, anywhere in the project. */
  reject(labelId: string, text: string): void {
    const { project } = this;
    const key = learnedKey(text);
    if (!key) throw new AppError('invalid_input', errorMessage('suggest.emptyReject'));
    project.transaction(() => {
      const at = project.clock();
      if (this.store.suggestions.reject(labelId, key, project.annotator, at))
        this.store.changes.append(null, 'do', at, project.annotator, {
          entity: 'suggestion',
          entityId: `${labelId}:${key}`,
          before: null,
          after: { labelId, key, rejected: true },
        });
    });
  }
}
