/**
 * A chart as a file: SVG that stands alone (its colours and font written in, no page styles needed), and
 * PNG drawn from that SVG at twice the size, on the theme's background.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart with what it takes from the page (text colour, font) written on it. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const style = getComputedStyle(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('color', style.color);
  copy.setAttribute('font-family', style.fontFamily);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', backgroundOf(svg));
  copy.prepend(background);
  return new XMLSerializer().serializeToString(copy);
}

/** The first opaque background behind the chart. */
function backgroundOf(element: Element): string {
  for (let at: Element | null = element; at; at = at.parentElement) {
    const color = getComputedStyle(at).backgroundColor;
    if (color && color !== 'transparent' && !color.endsWith(', 0)')) return color;
  }
  return '#ffffff';
}

export async function pngOf(svg: SVGSVGElement): Promise<Blob> {
  const text = standaloneSvg(svg);
  const image = new Image();
  // A data: address (the CSP allows images from data:, not from blob:).
  const bytes = new TextEncoder().encode(text);
  image.src = `data:image/svg+xml;base64,${btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))}`;
  await image.decode();
  const { width, height } = svg.viewBox.baseVal;
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be drawn'))),
      'image/png',
    ),
  );
}
