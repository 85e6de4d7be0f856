/**
 * Whose spans the user may change. Every annotation belongs to one annotator's layer; the user works in their
 * own layer (the project's annotator), or, while curating, in a curated layer of a name they give. Spans of
 * every other layer are read-only: a merge brought them in, and editing them here would make that layer a
 * conflict at the next merge and put words in a colleague's mouth.
 *
 * The curating layer lives for the open project only (not in the file): curating is a mode of this window.
 */
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';

export class LayerAccess {
  private curatingLayer: string | null = null;

  constructor(private readonly ownAnnotator: () => string | null) {}

  /** The curated layer being curated into, or null when the user works in their own layer. */
  get curating(): string | null {
    return this.curatingLayer;
  }

  setCurating(layer: string | null): void {
    this.curatingLayer = layer;
  }

  /** The layer new spans and links go to. */
  get acting(): string | null {
    return this.curatingLayer ?? this.ownAnnotator();
  }

  /** Spans with no annotator predate layers (or the annotator's name): nobody else's, so editable. */
  mayEdit(annotator: string | null): boolean {
    return annotator === null || annotator === this.acting;
  }

  /** Refuses a change to a span of another layer, naming whose it is and how to change it anyway. */
  requireEditable(span: { annotator: string | null }, what: string): void {
    if (this.mayEdit(span.annotator)) return;
    // `what` is the change in English (an action's description); the Arabic says "this change" instead.
    const values = { what, annotator: span.annotator ?? '' };
    throw new AppError(
      'layer_read_only',
      this.curatingLayer
        ? errorMessage('curate.readOnlyLayerCurating', { ...values, layer: this.curatingLayer })
        : errorMessage('curate.readOnlyLayer', values),
    );
  }
}
