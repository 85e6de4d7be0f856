import type { DocumentSummary } from '@shared/model';
import { formatDate } from '../i18n/format';
import { VisibleText, visibleText } from './VisibleText';
import '../styles/provenance.css';

/**
 * Where a listed document came from, under its title: its outlet and publication date when known, else the
 * file it was imported from. The outlet and file name are the data's own words, shown as they are; only the
 * date is written the interface's way.
 */
export function DocumentSource({ document }: { document: DocumentSummary }) {
  const { outlet, published, fileName } = document;
  // A date alone is read as local midnight, so no time zone moves it to the day before.
  const date = published
    ? formatDate(
        published.includes('T') ? published : `${published}T00:00`,
        undefined,
        published.includes('T'),
      )
    : null;
  const source = outlet ?? fileName;
  return (
    <span className="document-source" data-testid="document-source" title={visibleText(source)}>
      <bdi>
        <VisibleText text={source} />
      </bdi>
      {date && (
        <>
          {' · '}
          <bdi>{date}</bdi>
        </>
      )}
    </span>
  );
}
