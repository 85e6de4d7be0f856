import type { Project } from '../core/project/project';

export interface ProjectStats {
  documents: number;
  documentsByStatus: Record<string, number>;
  spans: number;
  spansByLabel: Record<string, number>;
}

export function projectStats(project: Project): ProjectStats {
  const byLabel = project.labels.usage();
  return {
    documents: project.documents.count(),
    documentsByStatus: Object.fromEntries(project.documents.countByStatus().map((r) => [r.status, r.n])),
    spans: byLabel.reduce((sum, r) => sum + r.n, 0),
    spansByLabel: Object.fromEntries(byLabel.map((r) => [r.name, r.n])),
  };
}
