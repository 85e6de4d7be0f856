/** WCAG 2.1 contrast between colours, and colours mixed as `color-mix(in srgb, …)` mixes them. */
type Rgb = [number, number, number];

export function parseHex(color: string): Rgb {
  const hex = /^#([0-9a-f]{6})$/i.exec(color);
  if (!hex) throw new Error(`Not a #rrggbb colour: ${color}`);
  const value = parseInt(hex[1]!, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** `percent` of `color` over `base` (a tint of the label over the pane). */
export function mix(color: string, base: string, percent: number): Rgb {
  const a = parseHex(color);
  const b = parseHex(base);
  return [0, 1, 2].map((i) => a[i]! * (percent / 100) + b[i]! * (1 - percent / 100)) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const la = luminance(typeof a === 'string' ? parseHex(a) : a);
  const lb = luminance(typeof b === 'string' ? parseHex(b) : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
