import { parseSettings, type Settings } from '@/lib/model/settings';
import { typedItem } from './item';

/** The user's preferences (lib/model/settings.ts): pages write them, the background and the pages read and watch them. */
export const settingsItem = typedItem<Settings>('local:papershelf:settings', parseSettings);
