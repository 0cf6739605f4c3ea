/**
 * A CLI command besides `outline` and `check`. Commands print to stdout and
 * return the exit code; they throw `CommandError` for bad usage (exit 2)
 * and never print stack traces.
 */
export interface CommandArgs {
  /** Positional arguments after the command name. */
  paths: string[];
  /** `--format` value, or null. */
  format: string | null;
  /** Other `--name value` options, e.g. `--letter`. */
  options: Record<string, string>;
  lang: 'nl' | 'en';
}

export class CommandError extends Error {}

export interface Command {
  /** One line for the help text. */
  usage: string;
  /** Option names (without dashes) that take a value. */
  options: string[];
  run(args: CommandArgs): number;
}

/** Input that cannot be read (exit 2, with the message). */
export class InputError extends Error {}
