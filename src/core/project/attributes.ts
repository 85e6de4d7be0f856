import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { AttributeValues, Label } from '@shared/model';
import { attributeDefinitions, TOPIC_ATTRIBUTE } from '@shared/topics';

/**
 * Checks attribute values against the label's definitions: known names only, values of the declared type,
 * choices from the list. Empty strings are dropped (an attribute left blank is no attribute).
 */
export function checkAttributes(label: Label, values: AttributeValues): AttributeValues {
  const checked: AttributeValues = {};
  for (const [name, value] of Object.entries(values)) {
    const definition = attributeDefinitions(label).find((a) => a.name === name);
    if (!definition)
      throw new AppError('invalid_input', errorMessage('attribute.unknown', { label: label.name, name }));
    if (value === '') continue;
    const fits =
      (definition.type === 'text' && typeof value === 'string') ||
      (definition.type === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
      (definition.type === 'boolean' && typeof value === 'boolean') ||
      (definition.type === 'choice' &&
        typeof value === 'string' &&
        (definition.choices ?? []).includes(value));
    if (!fits) {
      const values = { name, label: label.name, value: JSON.stringify(value) };
      throw new AppError(
        'invalid_input',
        errorMessage(`attribute.wrongType.${definition.type}`, {
          ...values,
          ...(definition.type === 'choice' && { choices: (definition.choices ?? []).join(', ') }),
        }),
      );
    }
    if (name === TOPIC_ATTRIBUTE && typeof value === 'string') {
      // A topic of white space alone is no topic.
      if (value.trim() !== '') checked[name] = value.trim();
    } else checked[name] = value;
  }
  return checked;
}
