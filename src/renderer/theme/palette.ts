/**
 * Every colour of the interface, for the light and the dark theme: the one place they are written. The
 * stylesheet uses them only as custom properties (installTheme writes them), and palette.test.ts checks
 * their contrast (WCAG 2.1) together with the label colours and the highlight tints.
 */
export type ThemeName = 'light' | 'dark';

export const PALETTES: Record<ThemeName, Record<string, string>> = {
  light: {
    bg: '#f7f7f5',
    pane: '#ffffff',
    'button-bg': '#ffffff',
    border: '#dedbd5',
    'row-border': '#f0eee9',
    text: '#1d1d1b',
    muted: '#63625e',
    accent: '#0067a3',
    'on-accent': '#ffffff',
    danger: '#b3261e',
    'active-row': '#e8f1f8',
    'notice-info': '#eef6fb',
    'notice-error': '#fdeceb',
    'notice-link': '#fff6dd',
    'notice-job': '#f1f6ee',
    'badge-todo': '#eceae5',
    'badge-progress': '#fbecc9',
    'badge-done': '#d7efe4',
    mark: '#ffe08a',
    'progress-fill': '#009e73',
    'drop-overlay': 'rgb(0 114 178 / 0.12)',
    shadow: 'rgb(0 0 0 / 0.15)',
    backdrop: 'rgb(0 0 0 / 0.25)',
    'arc-label': '#333333',
    'arc-label-halo': '#ffffff',
    'invisible-char': '#8a8478',
    outline: '#1a1a1a',
    'selected-tint': '#ffe180',
    'pending-underline': '#555555',
    'suggestion-underline': '#5f6b76',
    'suggestion-target': '#dde3ea',
  },
  dark: {
    bg: '#17181a',
    pane: '#1f2023',
    'button-bg': '#2a2b2f',
    border: '#3d3e43',
    'row-border': '#2c2d31',
    text: '#e8e6e3',
    muted: '#a9a7a2',
    accent: '#5eb4ec',
    'on-accent': '#17181a',
    danger: '#ff8a80',
    'active-row': '#1d3446',
    'notice-info': '#17303f',
    'notice-error': '#45201d',
    'notice-link': '#3d3418',
    'notice-job': '#1f3322',
    'badge-todo': '#34353a',
    'badge-progress': '#4d3d13',
    'badge-done': '#17402f',
    mark: '#6b5410',
    'progress-fill': '#2fbf8f',
    'drop-overlay': 'rgb(94 180 236 / 0.15)',
    shadow: 'rgb(0 0 0 / 0.5)',
    backdrop: 'rgb(0 0 0 / 0.55)',
    'arc-label': '#e8e6e3',
    'arc-label-halo': '#1f2023',
    'invisible-char': '#8c8a85',
    outline: '#f5f5f5',
    'selected-tint': '#6b5410',
    'pending-underline': '#c8c6c2',
    'suggestion-underline': '#9ba6b0',
    'suggestion-target': '#38424d',
  },
};

/** How much of a label's colour tints the text it covers (the rest is the pane behind it). */
export const TINT_PERCENT = 20;

/** The CSS the palettes become: custom properties on :root, the dark ones when data-theme says so. */
export function themeRules(): string {
  const block = (name: ThemeName) =>
    Object.entries(PALETTES[name])
      .map(([key, value]) => `--${key}: ${value};`)
      .join(' ');
  return [
    `:root { color-scheme: light; ${block('light')} }`,
    `:root[data-theme='dark'] { color-scheme: dark; ${block('dark')} }`,
  ].join('\n');
}
