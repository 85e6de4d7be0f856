/**
 * What the save indicator says, from the changes sent to main and not yet answered. "Saved" is said only
 * when none is left in flight: two quick changes must not read as saved when the first answer arrives while
 * the second could still be lost. A failure stays on show until every change in flight with it has settled
 * and the user makes another change, so a later success cannot hide it.
 */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string; what: string | null }
  | { kind: 'error'; message: string };

export class SaveTracker {
  private inFlight = 0;
  /** About the changes since the indicator last came to rest (nothing in flight). */
  private failure: string | null = null;
  private what: string | null = null;
  private lastSavedAt = '';

  /** A change is sent to main. */
  started(): SaveState {
    if (this.inFlight === 0) {
      this.failure = null;
      this.what = null;
      this.lastSavedAt = '';
    }
    this.inFlight++;
    return this.current();
  }

  /** Main committed a change at `savedAt`; `what` names it when the indicator should say (an undo). */
  committed(savedAt: string, what: string | null = null): SaveState {
    this.inFlight--;
    if (what !== null) this.what = what;
    // ISO 8601 times in one format order as strings; answers may arrive out of commit order.
    if (savedAt > this.lastSavedAt) this.lastSavedAt = savedAt;
    return this.current();
  }

  failed(message: string): SaveState {
    this.inFlight--;
    this.failure = message;
    return this.current();
  }

  private current(): SaveState {
    if (this.failure !== null) return { kind: 'error', message: this.failure };
    if (this.inFlight > 0) return { kind: 'saving' };
    return { kind: 'saved', at: this.lastSavedAt, what: this.what };
  }
}
