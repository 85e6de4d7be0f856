/**
 * The interface's fonts, bundled so Arabic looks the same on every machine instead of falling back to whatever
 * is installed: Noto Sans for Latin script, Noto Naskh Arabic for Arabic script (the stacks in styles.css put
 * them first; a browser takes each character from the first font that has it). Every weight the stylesheet
 * uses: 400 text, 500 titles, 600 headings and chosen items, 700 <strong>. Served from the app itself, as the
 * CSP's `font-src 'self'` requires; each face's unicode-range means only the scripts a page shows are loaded.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/500.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/500.css';
import '@fontsource/noto-naskh-arabic/600.css';
import '@fontsource/noto-naskh-arabic/700.css';
