import { useTranslation } from 'react-i18next';
import type { Label } from '@shared/model';
import { rulesForLabel } from '@shared/suggestions';
import { useAppState, useAppStore } from '../state/useStore';
import { visibleText } from './VisibleText';
import '../styles/suggestions.css';

/**
 * In the Labels dialog: which rule families a label takes suggestions from (only those that can fill it:
 * numbers the number label, cues the claim and denial labels, what you tag every label); all off is none.
 * A switch applies at once and is stored in the project (through its change log), not with Save.
 */
export function SuggestionSwitches({ label }: { label: Label }) {
  const { t } = useTranslation('suggest');
  const store = useAppStore();
  const switchedOff = useAppState((s) => s.switchedOffRules);
  const rules = rulesForLabel(label.id);
  const on = (rule: string) => !switchedOff.some((off) => off.labelId === label.id && off.rule === rule);
  return (
    <fieldset className="suggestion-switches">
      <legend>{t('switches.legend')}</legend>
      {rules.map((rule) => (
        <label key={rule}>
          <input
            type="checkbox"
            aria-label={t('switches.rule', { label: visibleText(label.name), rule: t(`switches.${rule}`) })}
            checked={on(rule)}
            onChange={(e) => void store.setSuggestionRule(label.id, rule, e.currentTarget.checked)}
          />
          {t(`switches.${rule}`)}
        </label>
      ))}
      {!rules.some(on) && <span className="muted">{t('switches.none')}</span>}
    </fieldset>
  );
}
