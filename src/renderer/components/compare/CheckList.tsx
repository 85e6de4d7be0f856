/** A fieldset of checkboxes, one an item: which annotators, labels or statuses the comparison screens use. */
import type { ReactNode } from 'react';

interface Props<T extends string> {
  legend: string;
  items: readonly T[];
  checked: readonly T[];
  onChange(checked: T[]): void;
  /** What the box says for an item (the item itself when absent). */
  name?(item: T): ReactNode;
}

export function CheckList<T extends string>({ legend, items, checked, onChange, name }: Props<T>) {
  const toggle = (item: T, on: boolean) =>
    // In the items' own order, whatever the order of the clicks.
    onChange(items.filter((x) => (x === item ? on : checked.includes(x))));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.map((item) => (
        <label key={item} className="compare-check">
          <input
            type="checkbox"
            checked={checked.includes(item)}
            onChange={(event) => toggle(item, event.target.checked)}
          />
          {name ? name(item) : item}
        </label>
      ))}
    </fieldset>
  );
}
