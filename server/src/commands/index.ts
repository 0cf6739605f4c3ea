/** CLI commands registered by area (besides outline and check, which live in cli.ts). */
import type { Command } from './types';
import { traceCommand } from './trace';
import { wederhoorCommand } from './wederhoor';

export const COMMANDS: Record<string, Command> = { trace: traceCommand, wederhoor: wederhoorCommand };
