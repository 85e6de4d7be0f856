/** PROTOTYPE: HighlightPlugin with StaticRanges, registered only near the view (see ../highlightPlugin.tsx). */
import { createHighlightPlugin } from '../highlightPlugin';

export const HighlightPlugin = createHighlightPlugin(true);
