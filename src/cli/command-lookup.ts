import { usageError } from '../errors.js';
import { suggestion } from '../util/did-you-mean.js';
import { commandNames } from './help.js';

// Imported by main.ts only when a name must be looked up, so that --help and --version load no package.

/**
 * `help <command>`: the command's own help, as `<command> --help` prints it; an unknown name is refused with the
 * nearest command.
 */
export function helpArgv(name: string): string[] {
  if (name === 'help') return ['--help'];
  if (!commandNames().includes(name)) throw unknownCommand(name);
  return [name, '--help'];
}

export function unknownCommand(name: string) {
  return usageError(`unknown command "${name}"${suggestion(name, commandNames())} (run "driftwarden help")`);
}
