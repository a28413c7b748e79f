import { parseSettings, type Settings } from '@/lib/model/settings';
import { typedItem } from './item';
import { SETTINGS_KEY } from './settings-key';

/** The user's preferences (lib/model/settings.ts): pages write them, the background and the pages read and watch them. */
export const settingsItem = typedItem<Settings>(`local:${SETTINGS_KEY}`, parseSettings);
