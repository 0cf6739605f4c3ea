/** CLI commands registered by area (besides outline and check, which live in cli.ts). */
import type { Command } from './types';

export const COMMANDS: Record<string, Command> = {};
