import type { AttributeValues, Label } from '@shared/model';
import { isApproximate, parseNumber } from '@shared/numbers';

/**
 * What a new annotation's attributes start as, read from its text: a `value` number attribute gets the
 * number written in the span ("١٢٠٠" -> 1200), an `approximate` flag is set by hedges ("نحو", "about").
 */
export function defaultAttributes(label: Label, text: string): AttributeValues {
  const values: AttributeValues = {};
  for (const attribute of label.attributes) {
    if (attribute.name === 'value' && attribute.type === 'number') {
      const value = parseNumber(text);
      if (value !== null) values.value = value;
    }
    if (attribute.name === 'approximate' && attribute.type === 'boolean' && isApproximate(text))
      values.approximate = true;
  }
  return values;
}
