/** One labelled select over a fixed list of choices: the theme and language switches share it. */
export function SettingSelect<C extends string>({
  name,
  value,
  choices,
  optionText,
  optionLang,
  onChange,
}: {
  name: string;
  value: C;
  choices: readonly C[];
  optionText: (choice: C) => string;
  optionLang?: (choice: C) => string | undefined;
  onChange: (choice: C) => void;
}) {
  return (
    <label className="theme-switch">
      <span className="control-name">{name}</span>{' '}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as C)}>
        {choices.map((choice) => (
          <option key={choice} value={choice} lang={optionLang?.(choice)}>
            {optionText(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}
