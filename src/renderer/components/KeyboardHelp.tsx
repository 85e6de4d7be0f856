import { Fragment } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { KEY_ACTIONS } from '@shared/keys';
import { useAppState, useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';
import { keysOf } from './keyHints';
import { VisibleText } from './VisibleText';

/** The cheat sheet (`?`): the label keys first, then every entry of the key map. */
export function KeyboardHelp() {
  const { t } = useTranslation('dialogs');
  const store = useAppStore();
  const labels = useAppState((s) => s.labels);
  return (
    <Dialog title={t('keys.title')} readOnly onClose={() => store.closeDialog()}>
      <table className="keys-table">
        <tbody>
          {labels
            .filter((l) => l.hotkey)
            .map((label) => (
              <tr key={label.id}>
                <td>
                  <kbd>{label.hotkey}</kbd>
                </td>
                <td>
                  <Trans
                    t={t}
                    i18nKey="keys.tagAs"
                    components={{ label: <VisibleText text={label.name} /> }}
                  />
                </td>
              </tr>
            ))}
          {KEY_ACTIONS.map((action) => (
            <tr key={action.id}>
              <td>
                {keysOf(action.id).map((keys, i) => (
                  <Fragment key={keys}>
                    {i > 0 && t('keys.or')}
                    <kbd>{keys}</kbd>
                  </Fragment>
                ))}
              </td>
              <td>{t(`keys.action.${action.id}`, { defaultValue: action.description })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
