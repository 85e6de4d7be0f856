import { describe, expect, it } from 'vitest';
import { resolveTheme } from './installTheme';

describe('the theme in use', () => {
  it('follows the system until the user picks one', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
