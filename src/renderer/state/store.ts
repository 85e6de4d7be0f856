/**
 * The renderer's store: one state made of its slices (project, documents, annotations, datasets, suggestions,
 * layers, ui, and the comparison and agreement screens), each with its named actions. Components read it
 * through selectors (useAppState) and act through the actions; the state changes only with what main
 * answered, so what the screen shows as saved is what the database holds.
 */
import type { SpanlightApi } from '@shared/contract';
import { annotationChangeActions, type AnnotationChangeActions } from './slices/annotationChanges';
import {
  annotationsActions,
  initialAnnotationsState,
  type AnnotationsActions,
  type AnnotationsState,
} from './slices/annotations';
import {
  datasetsActions,
  initialDatasetsState,
  type DatasetsActions,
  type DatasetsState,
} from './slices/datasets';
import {
  documentsActions,
  initialDocumentsState,
  type DocumentsActions,
  type DocumentsState,
} from './slices/documents';
import {
  initialProjectState,
  projectActions,
  type ProjectActions,
  type ProjectState,
} from './slices/project';
import {
  initialSuggestionsState,
  suggestionsActions,
  type SuggestionsActions,
  type SuggestionsState,
} from './slices/suggestions';
import { initialUiState, uiActions, type UiActions, type UiState } from './slices/ui';
import {
  agreementActions,
  initialAgreementState,
  type AgreementActions,
  type AgreementState,
} from './slices/agreement';
import {
  compareActions,
  initialCompareState,
  type CompareActions,
  type CompareState,
} from './slices/compare';
import { initialLayersState, layersActions, type LayersActions, type LayersState } from './slices/layers';
import { createStoreCore, type StoreCore } from './storeCore';

export type AppState = ProjectState &
  DocumentsState &
  AnnotationsState &
  DatasetsState &
  SuggestionsState &
  UiState &
  LayersState &
  CompareState &
  AgreementState;

export type AppStore = StoreCore &
  ProjectActions &
  DocumentsActions &
  AnnotationChangeActions &
  AnnotationsActions &
  DatasetsActions &
  SuggestionsActions &
  UiActions &
  LayersActions &
  CompareActions &
  AgreementActions;

export function createAppStore(api: SpanlightApi): AppStore {
  const core = createStoreCore(api, {
    ...initialProjectState,
    ...initialDocumentsState,
    ...initialAnnotationsState,
    ...initialDatasetsState,
    ...initialSuggestionsState,
    ...initialUiState,
    ...initialLayersState,
    ...initialCompareState,
    ...initialAgreementState,
  });
  const changes = annotationChangeActions(core);
  const documents = documentsActions(core, changes);
  const ui = uiActions(core);
  const annotations = annotationsActions(core, changes);
  return {
    ...core,
    ...projectActions(core, documents, ui),
    ...documents,
    ...changes,
    ...annotations,
    ...datasetsActions(core, documents),
    ...suggestionsActions(core, changes),
    ...ui,
    ...layersActions(core, documents),
    ...compareActions(core, documents, changes, annotations),
    ...agreementActions(core),
  };
}
