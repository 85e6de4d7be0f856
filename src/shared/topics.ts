/**
 * Topics: what a number, claim or denial is about ("fighters killed", "fighters sent"). A project keeps a list
 * of them; any annotation may carry one in the built-in `topic` attribute, by name.
 */
import { z } from 'zod';
import type { AttributeDefinition, Label } from './model';

export interface Topic {
  id: string;
  name: string;
  position: number;
}

/** The attribute every label has, whatever its own definitions: the annotation's topic, by name. */
export const TOPIC_ATTRIBUTE = 'topic';

/** Trimmed, 1 to 80 characters. */
export const topicName = z.string().trim().min(1).max(80);

/** The topic an annotation's attributes name, or null. */
export function topicOf(attributes: Record<string, unknown>): string | null {
  const value = Object.prototype.hasOwnProperty.call(attributes, TOPIC_ATTRIBUTE)
    ? attributes[TOPIC_ATTRIBUTE]
    : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Every label has a `topic` (unless it defines its own attribute of that name): text, the project's topics suggested. */
const TOPIC_DEFINITION: AttributeDefinition = { name: TOPIC_ATTRIBUTE, type: 'text', suggest: true };

/** A label's attribute definitions with the built-in ones. */
export function attributeDefinitions(label: Label): AttributeDefinition[] {
  return label.attributes.some((a) => a.name === TOPIC_ATTRIBUTE)
    ? label.attributes
    : [...label.attributes, TOPIC_DEFINITION];
}
