/** Every feature of the language server, one file each. */
import type { ToetssteenServer } from '../server';
import { registerSymbols } from './symbols';
import { registerNavigation } from './navigation';
import { registerCompletion } from './completion';
import { registerRename } from './rename';
import { registerLenses } from './lenses';
import { registerMisc } from './misc';

export function registerFeatures(server: ToetssteenServer): void {
  registerSymbols(server);
  registerNavigation(server);
  registerCompletion(server);
  registerRename(server);
  registerLenses(server);
  registerMisc(server);
}
