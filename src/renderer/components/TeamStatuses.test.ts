import { describe, expect, it } from 'vitest';
import { initialsOf } from './TeamStatuses';

describe('initials in the team column', () => {
  it('takes two letters of one name, the first letter of each of several', () => {
    expect(initialsOf('Ana')).toBe('An');
    expect(initialsOf('Ben Ali')).toBe('BA');
    expect(initialsOf('  رنا  ')).toBe('رن');
  });

  it('leaves out invisible and direction-changing characters, and answers ? for a name of none', () => {
    expect(initialsOf('\u202Eevil')).toBe('ev');
    expect(initialsOf('\u200Bx\u200B y')).toBe('xy');
    expect(initialsOf('\u202E\u200B')).toBe('?');
  });
});
