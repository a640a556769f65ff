// The test's view of Drive (emu.drive): every item, folder paths, and what people do outside the script.
import type { DriveControl } from './api';
import type { DriveItem, DriveStore } from '../drive/driveApp';

/** The test's view of Drive: items, folder paths, and the hand-made / picked / shared switches. */
export function createDriveControl(driveStore: DriveStore): DriveControl {
  const driveItem = (id: string): DriveItem => {
    const item = driveStore.items.get(id);
    if (!item) throw new Error(`emulator: no Drive item ${id}`);
    return item;
  };
  return {
    items: () => [...driveStore.items.values()],
    pathOf(id) {
      const names: string[] = [];
      let parent = driveItem(id).parents[0];
      while (parent) {
        const p = driveItem(parent);
        names.unshift(p.name);
        parent = p.parents[0];
      }
      return names;
    },
    markHandMade: (id) => void (driveItem(id).appAccess = false),
    pick: (id) => void (driveItem(id).appAccess = true),
    addEditor: (id, email) => void driveItem(id).editors.add(email),
  };
}
