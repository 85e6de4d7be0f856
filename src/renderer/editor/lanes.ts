import type { Annotation } from '@shared/model';

/**
 * Gives each annotation a lane (0, 1, 2…) so that annotations sharing characters never share a lane: the
 * outer of two nested spans gets the lower lane. Greedy over text order, which is optimal for intervals.
 * `annotations` must be in text order (start, then end).
 */
export function assignLanes(annotations: Annotation[]): Map<string, number> {
  const lanes = new Map<string, number>();
  // laneEnds[k]: where the last annotation in lane k ends.
  const laneEnds: number[] = [];
  // Longer first among equal starts, so an outer span takes the lane before the one nested in it.
  const ordered = [...annotations].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const annotation of ordered) {
    let lane = laneEnds.findIndex((end) => end <= annotation.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = annotation.end;
    lanes.set(annotation.id, lane);
  }
  return lanes;
}
