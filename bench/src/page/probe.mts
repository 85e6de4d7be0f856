/**
 * What the benchmark installs in a page before any of the page's own scripts run (Playwright's
 * addInitScript): load milestones seen frame by frame, key press to painted highlight, selection helpers, and
 * scroll frame timing. The same probe serves Spanlight (highlights in CSS.highlights) and the peer page
 * (highlights as spans, see bench/peer/main.mts), so both are measured the same way.
 *
 * `installProbe` is serialised into the page: it must not refer to anything outside its own body.
 */

export interface ProbeOptions {
  /** The element whose children are the article's lines (one <p> a line). */
  container: string;
  /** The element that scrolls the article. */
  scroller: string;
  /** How highlights are painted: Spanlight's CSS Custom Highlights, or the peer's span layer. */
  mode: 'css' | 'peer';
  /** Lines of the article: the text is laid out when the container holds this many paragraphs. */
  lines: number;
  /** A selector that shows the document list is there (app start). */
  rows: string;
}

export interface Mark {
  /** performance.now() of the frame in which the condition was first true. */
  seen: number;
  /** After that frame was painted (a task queued from its requestAnimationFrame). */
  painted: number;
}

/** A DOM range as plain boundary points. */
export interface Boundaries {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

export interface Expected {
  kind: 'add' | 'relabel';
  label: number;
  /** css mode: the range expected in the label's highlight. */
  range: Boundaries | null;
  /** peer mode: the annotation expected with the label's colour (for an add, read when the key is handled). */
  peerId: string | null;
  color: string;
  keyAt: number;
  paintedAt: number;
}

export interface FrameReport {
  frames: number[];
  longTasks: number[];
  maxRows: number;
  scrolledPx: number;
}

/** What the peer page exposes to the probe. */
export interface PeerHooks {
  layer(): HTMLElement | null;
  onRedraw(callback: () => void): void;
  selected(): { id: string; label: number } | null;
  lastCreatedId: string | null;
  colors: string[];
  ready: boolean;
}

export interface Probe {
  marks: Record<string, Mark>;
  expected: Expected | null;
  waitMark(name: string, timeoutMs: number): Promise<Mark>;
  firstContentfulPaint(): number | null;
  /** Brings a word range into view, selects it as a person would, and arms the add measurement. */
  prepareAdd(line: number, start: number, end: number): Promise<boolean>;
  /** Brings a character into view and returns where to click it. */
  prepareClick(line: number, offset: number): Promise<{ x: number; y: number }>;
  /** After the click: waits for the selected annotation to change, arms the relabel measurement, and
   * returns the label to press (or -1 when nothing got selected). */
  afterClick(timeoutMs: number): Promise<number>;
  awaitPaint(timeoutMs: number): Promise<number>;
  frames(selector: string, count: number, pxPerFrame: number): Promise<FrameReport>;
  settle(): Promise<void>;
}

declare global {
  interface Window {
    __benchProbe?: Probe;
    __peer?: PeerHooks;
  }
}

export function installProbe(options: ProbeOptions): void {
  const afterPaint = (callback: (t: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(null);
  };
  const nextFrames = (count: number) =>
    new Promise<void>((resolve) => {
      const step = (left: number) =>
        left === 0 ? afterPaint(() => resolve()) : requestAnimationFrame(() => step(left - 1));
      step(count);
    });
  const sameRange = (a: AbstractRange, b: Boundaries) =>
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset;
  /** Whether point (node, offset) comes before point (other, otherOffset) in the document. */
  const before = (node: Node, offset: number, other: Node, otherOffset: number) => {
    const at = document.createRange();
    at.setStart(other, otherOffset);
    return at.comparePoint(node, offset) < 0;
  };
  // A new annotation may be snapped to words or trimmed by the app: any range sharing characters with the
  // selection counts as it.
  const overlaps = (a: AbstractRange, b: Boundaries) =>
    before(a.startContainer, a.startOffset, b.endContainer, b.endOffset) &&
    before(b.startContainer, b.startOffset, a.endContainer, a.endOffset);
  const container = () => document.querySelector<HTMLElement>(options.container);
  const cssHighlight = (label: number) => CSS.highlights.get(`sl-label-${label}`);
  const normalColor = (color: string) => {
    const element = document.createElement('span');
    element.style.borderColor = color;
    return element.style.borderColor;
  };

  // Every contract call of a run is kept (the default buffer holds 250).
  performance.setResourceTimingBufferSize(100_000);

  // --- load milestones, checked once a frame until all are seen ---------------------------------------------
  const conditions: Record<string, () => boolean> = {
    text: () => {
      const root = container();
      return (
        !!root &&
        root.childElementCount >= options.lines &&
        root.querySelectorAll(':scope > p').length === options.lines
      );
    },
    highlights: () => {
      if (options.mode === 'peer') return window.__peer?.ready === true;
      let size = 0;
      for (let i = 0; i < 10; i++) size += cssHighlight(i)?.size ?? 0;
      // Spanlight registers the highlights of the lines near the view (lineWindow.ts), all of them in one
      // task: the first frame with any registered is the frame with all of the view's.
      return size > 0;
    },
    rows: () => document.querySelector(options.rows) !== null,
  };
  const marks: Record<string, Mark> = {};
  const tick = () => {
    let pending = false;
    for (const [name, check] of Object.entries(conditions)) {
      if (marks[name]) continue;
      if (!check()) {
        pending = true;
        continue;
      }
      const mark = { seen: performance.now(), painted: 0 };
      marks[name] = mark;
      afterPaint((t) => (mark.painted = t));
    }
    if (pending) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  // --- key press to painted highlight ---------------------------------------------------------------------
  let expected: Expected | null = null;
  let onPainted: (() => void) | null = null;
  const painted = (e: Expected) => {
    if (e.paintedAt) return;
    e.paintedAt = -1;
    const done = (t: number) => {
      e.paintedAt = t;
      onPainted?.();
    };
    // The span layer is redrawn inside a frame and reports after it; a highlight is added between frames.
    if (options.mode === 'peer') done(performance.now());
    else requestAnimationFrame(() => afterPaint(done));
  };
  window.addEventListener(
    'keydown',
    (event) => {
      if (expected && !expected.keyAt) expected.keyAt = event.timeStamp;
    },
    true,
  );
  if (typeof Highlight !== 'undefined') {
    const add = Highlight.prototype.add;
    Highlight.prototype.add = function (this: Highlight, range: AbstractRange) {
      const result = add.call(this, range);
      const e = expected;
      if (!e || !e.range || !e.keyAt || e.paintedAt || this !== cssHighlight(e.label)) return result;
      if (e.kind === 'add' ? overlaps(range, e.range) : sameRange(range, e.range)) painted(e);
      return result;
    };
  }
  const checkPeer = () => {
    const e = expected;
    const peer = window.__peer;
    if (!e || !peer || !e.keyAt || e.paintedAt) return;
    const id = e.peerId ?? peer.lastCreatedId;
    const span = id ? peer.layer()?.querySelector<HTMLElement>(`[data-annotation="${id}"]`) : null;
    if (span && span.style.borderColor === e.color) painted(e);
  };
  const hookPeer = () => {
    if (window.__peer) window.__peer.onRedraw(checkPeer);
    else setTimeout(hookPeer, 5);
  };
  if (options.mode === 'peer') hookPeer();

  const lineElement = (line: number) => {
    const element = container()?.children[line];
    if (!element) throw new Error(`no line ${line}`);
    return element as HTMLElement;
  };
  const pointIn = (element: HTMLElement, offset: number) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let remaining = offset;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (remaining <= node.data.length) return { node, offset: remaining };
      remaining -= node.data.length;
    }
    throw new Error(`offset ${offset} is past the line`);
  };
  /** One frame, then until the page is idle: what a person's pause between actions gives the app. */
  const settle = async () => {
    await nextFrames(1);
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));
  };
  /** Scrolls the article, if needed, so the character at (line, offset) is in the middle band of the view. */
  const reveal = async (line: number, offset: number) => {
    const point = pointIn(lineElement(line), offset);
    const range = document.createRange();
    range.setStart(point.node, point.offset);
    const scroller = document.querySelector<HTMLElement>(options.scroller)!;
    const view = scroller.getBoundingClientRect();
    const at = range.getBoundingClientRect();
    if (at.top < view.top + 80 || at.bottom > view.bottom - 80) {
      scroller.scrollTop += at.top - (view.top + view.height / 2);
      await settle();
    }
  };
  /** What identifies the current selected annotation: the page's own object, compared by identity. */
  const selectedToken = (): unknown =>
    options.mode === 'peer'
      ? (window.__peer?.selected()?.id ?? null)
      : (CSS.highlights.get('sl-selected') ?? null);
  const selectedLabel = (): number => {
    if (options.mode === 'peer') return window.__peer?.selected()?.label ?? -1;
    const range = CSS.highlights.get('sl-selected')?.values().next().value as AbstractRange | undefined;
    if (!range) return -1;
    for (let label = 0; label < 10; label++) {
      const highlight = cssHighlight(label);
      if (!highlight) break;
      for (const candidate of highlight) if (sameRange(candidate as AbstractRange, range)) return label;
    }
    return -1;
  };
  const arm = (kind: 'add' | 'relabel', label: number): boolean => {
    let range: Boundaries | null = null;
    let peerId: string | null = null;
    if (options.mode === 'css') {
      const source =
        kind === 'add'
          ? document.getSelection()?.getRangeAt(0)
          : (CSS.highlights.get('sl-selected')?.values().next().value as AbstractRange | undefined);
      if (!source) return false;
      range = {
        startContainer: source.startContainer,
        startOffset: source.startOffset,
        endContainer: source.endContainer,
        endOffset: source.endOffset,
      };
    } else if (kind === 'relabel') {
      peerId = window.__peer?.selected()?.id ?? null;
      if (!peerId) return false;
    }
    const color = options.mode === 'peer' ? normalColor(window.__peer!.colors[label]!) : '';
    expected = { kind, label, range, peerId, color, keyAt: 0, paintedAt: 0 };
    return true;
  };
  let beforeClick: unknown = null;

  const probe: Probe = {
    marks,
    get expected() {
      return expected;
    },
    waitMark: (name, timeoutMs) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const poll = () => {
          const mark = marks[name];
          if (mark?.painted) resolve(mark);
          else if (performance.now() - started > timeoutMs)
            reject(new Error(`${name} not reached in ${timeoutMs} ms`));
          else setTimeout(poll, 10);
        };
        poll();
      }),
    firstContentfulPaint: () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    settle,
    async prepareAdd(line, start, end) {
      await reveal(line, start);
      const from = pointIn(lineElement(line), start);
      const to = pointIn(lineElement(line), end);
      document.getSelection()!.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
      // Let selectionchange reach the page's handlers, as it would before a person presses a key.
      await settle();
      return arm('add', 0);
    },
    async prepareClick(line, offset) {
      await reveal(line, offset);
      beforeClick = selectedToken();
      const from = pointIn(lineElement(line), offset);
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(from.node, from.offset + 1);
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: (rect.left + rect.right) / 2, y: (rect.top + rect.bottom) / 2 };
    },
    async afterClick(timeoutMs) {
      const started = performance.now();
      while (selectedToken() === beforeClick && performance.now() - started < timeoutMs) await nextFrames(1);
      await settle();
      const label = selectedLabel();
      if (label < 0) return -1;
      const target = label === 1 ? 2 : 1;
      return arm('relabel', target) ? target : -1;
    },
    awaitPaint: (timeoutMs) =>
      new Promise((resolve, reject) => {
        const e = expected;
        if (!e) return reject(new Error('nothing expected'));
        const finish = () => {
          if (e.paintedAt > 0) {
            onPainted = null;
            clearTimeout(timer);
            resolve(e.paintedAt - e.keyAt);
          }
        };
        const timer = setTimeout(() => {
          onPainted = null;
          reject(new Error(`${e.kind} not painted within ${timeoutMs} ms`));
        }, timeoutMs);
        onPainted = finish;
        if (options.mode === 'peer') checkPeer();
        finish();
      }),
    frames: (selector, count, pxPerFrame) =>
      new Promise((resolve) => {
        const scroller = document.querySelector<HTMLElement>(selector)!;
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) =>
          list.getEntries().forEach((e) => longTasks.push(e.duration)),
        );
        try {
          observer.observe({ type: 'longtask' });
        } catch {
          // No Long Tasks API: frame times alone.
        }
        const frames: number[] = [];
        let maxRows = 0;
        const top = scroller.scrollTop;
        let last = 0;
        const step = (t: number) => {
          if (last) frames.push(t - last);
          last = t;
          maxRows = Math.max(maxRows, scroller.querySelectorAll(options.rows).length);
          if (frames.length >= count) {
            observer.disconnect();
            resolve({ frames, longTasks, maxRows, scrolledPx: scroller.scrollTop - top });
            return;
          }
          if (pxPerFrame) scroller.scrollTop += pxPerFrame;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  };
  window.__benchProbe = probe;
}
