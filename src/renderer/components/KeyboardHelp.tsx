import { KEY_COMMANDS } from '@shared/keys';
import { useAppState, useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';

/** The cheat sheet (`?`): every key of the workbench, the label keys first. */
export function KeyboardHelp() {
  const store = useAppStore();
  const labels = useAppState((s) => s.labels);
  return (
    <Dialog title="Keyboard" onClose={() => store.closeDialog()}>
      <table className="keys-table">
        <tbody>
          {labels
            .filter((l) => l.hotkey)
            .map((label) => (
              <tr key={label.id}>
                <td>
                  <kbd>{label.hotkey}</kbd>
                </td>
                <td>Tag as {label.name} (or relabel the selected annotation)</td>
              </tr>
            ))}
          {KEY_COMMANDS.map((command) => (
            <tr key={command.keys}>
              <td>
                <kbd>{command.keys}</kbd>
              </td>
              <td>{command.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
