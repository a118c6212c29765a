// One command of the command line: its options, its usage line, and what it does (returns the exit code).
import type { ParseArgsConfig } from 'node:util';

export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  usage: string;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}
