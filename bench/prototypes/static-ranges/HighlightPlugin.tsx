/** PROTOTYPE: HighlightPlugin with StaticRanges (see ../highlightPlugin.tsx). */
import { createHighlightPlugin } from '../highlightPlugin';

export const HighlightPlugin = createHighlightPlugin(false);
