/** The key map's bindings as this computer's keyboard writes them, for tooltips, buttons and the cheat sheet. */
import { formatBinding, keyAction, type KeyActionId, type KeyPlatform } from '@shared/keys';

/** macOS writes ⌘ and ⌥ where other systems write Ctrl and Alt (the handler takes either Ctrl or ⌘). */
export const KEY_PLATFORM: KeyPlatform = /Mac/.test(globalThis.navigator?.userAgent ?? '') ? 'mac' : 'other';

/** Every way to press an action. */
export function keysOf(id: KeyActionId, platform: KeyPlatform = KEY_PLATFORM): string[] {
  return keyAction(id).keys.map((binding) => formatBinding(binding, platform));
}

/** The first way to press an action, shown on a button. */
export function keyHint(id: KeyActionId): string {
  return keysOf(id)[0]!;
}

/** A tooltip naming the action's key: "Undo (Ctrl+Z)". */
export function withKey(text: string, id: KeyActionId): string {
  return `${text} (${keyHint(id)})`;
}
