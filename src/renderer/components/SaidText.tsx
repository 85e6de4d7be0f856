/**
 * Says a `Said` in the interface's language, worded at each render (a language switch re-words it). Each
 * name or path it carries is set apart in a <bdi>, so an English path at the start of an Arabic sentence keeps
 * its own order instead of being reordered by the sentence around it; invisible characters in it are shown
 * as VisibleText shows them. Isolating characters in the string itself would be shown as ◇ by VisibleText,
 * which reveals every bidi control a name could hide.
 */
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Said } from '../i18n/said';
import { VisibleText } from './VisibleText';

/** Marks a value's place in the worded sentence: private-use characters, which no translation holds. */
const PLACE = /\uE000(\d+)\uE001/;

export function SaidText({ said }: { said: Said }): ReactNode {
  const { t } = useTranslation(said.ns);
  const places: ReactNode[] = [];
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.params ?? {})) {
    if (typeof value === 'number') {
      values[name] = value; // numbers choose the plural form and are written by the language's formatter
      continue;
    }
    values[name] = `\uE000${places.length}\uE001`;
    if (typeof value === 'string')
      places.push(
        <bdi>
          <VisibleText text={value} />
        </bdi>,
      );
    else if (Array.isArray(value))
      places.push(
        (value as readonly Said[]).map((line, i) => (
          <Fragment key={i}>
            {i > 0 && '\n'}
            <SaidText said={line} />
          </Fragment>
        )),
      );
    else places.push(<SaidText said={value as Said} />);
  }
  const parts = t(said.key, { ns: said.ns, ...values }).split(PLACE);
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <Fragment key={i}>{places[Number(part)]}</Fragment>
    ) : (
      part && <VisibleText key={i} text={part} />
    ),
  );
}

/** A notice's text or line: said live when it was kept as a `Said`, else the text it was given. */
export function NoticeText({ text, said }: { text: string; said: Said | undefined }): ReactNode {
  return said ? <SaidText said={said} /> : <VisibleText text={text} />;
}
