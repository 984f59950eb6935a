import { type OptionSpec, SCAN_OPTIONS } from '../config/options.js';
import { FAIL_ON_VALUES } from '../config/schema.js';
import { usageError } from '../errors.js';
import { EXIT, type ExitCode } from '../scan/exit-code.js';
import { suggestion } from '../util/did-you-mean.js';
import { commandNames, commandSummaries } from './help.js';
import type { CliIo } from './io.js';

export const COMPLETION_HELP = `Usage: driftwarden completion bash|zsh|fish
      print a completion script for the shell: the commands, scan's options and their values
  bash:  source <(driftwarden completion bash)         (or save it in /etc/bash_completion.d/driftwarden)
  zsh:   source <(driftwarden completion zsh)          (or save it as _driftwarden in a folder of $fpath)
  fish:  driftwarden completion fish > ~/.config/fish/completions/driftwarden.fish
`;

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** Subcommands of the commands that have them. */
const SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  policies: ['list', 'show', 'build'],
  ignore: ['generate'],
  completion: SHELLS,
};

export function completionCommand(argv: readonly string[], io: CliIo): ExitCode {
  const [shell, ...rest] = argv;
  if (shell === undefined || shell === '--help' || shell === '-h') {
    io.stdout.write(COMPLETION_HELP);
    return EXIT.clean;
  }
  if (!isShell(shell))
    throw usageError(`completion ${shell}: unknown shell${suggestion(shell, SHELLS)} (bash, zsh, fish)`);
  if (rest.length > 0) throw usageError(`completion ${shell}: unexpected argument "${rest[0]}"`);
  io.stdout.write(completionScript(shell));
  return EXIT.clean;
}

function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}

export function completionScript(shell: Shell): string {
  if (shell === 'bash') return bashScript();
  if (shell === 'zsh') return zshScript();
  return fishScript();
}

/** What a flag's value completes to: a fixed list, files, directories, or nothing to offer. */
type ValueKind = { kind: 'words'; words: readonly string[] } | { kind: 'files' | 'dirs' | 'none' };

export function valueKind(option: OptionSpec): ValueKind {
  if (option.kind === 'boolean' || option.value === undefined) return { kind: 'none' };
  if (option.flag === 'fail-on') return { kind: 'words', words: FAIL_ON_VALUES };
  if (/^[a-z-]+(\|[a-z-]+)+$/.test(option.value)) return { kind: 'words', words: option.value.split('|') };
  if (/<dir>|<path\|url>/.test(option.value)) return { kind: 'dirs' };
  if (/<(path|file|report\.json)\b|glob/.test(option.value)) return { kind: 'files' };
  return { kind: 'none' };
}

function spellings(option: OptionSpec): string[] {
  return [
    `--${option.flag}`,
    ...(option.aliases ?? []).map((alias) => `--${alias}`),
    ...(option.short ? [`-${option.short}`] : []),
  ];
}

/** Single quotes for the shell: a quote inside becomes '\''. */
function quoted(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function bashScript(): string {
  const valueCases = SCAN_OPTIONS.flatMap((option) => {
    const value = valueKind(option);
    if (option.kind === 'boolean') return [];
    const reply =
      value.kind === 'words'
        ? `COMPREPLY=($(compgen -W ${quoted(value.words.join(' '))} -- "$cur"))`
        : value.kind === 'dirs'
          ? 'COMPREPLY=($(compgen -d -- "$cur"))'
          : value.kind === 'files'
            ? 'COMPREPLY=($(compgen -f -- "$cur"))'
            : 'COMPREPLY=()';
    return [`        ${spellings(option).join('|')}) ${reply}; return ;;`];
  });
  const flags = SCAN_OPTIONS.flatMap((option) => [
    `--${option.flag}`,
    ...(option.aliases ?? []).map((a) => `--${a}`),
  ]);
  const subcommands = Object.entries(SUBCOMMANDS).map(
    ([command, words]) =>
      `    ${command}) [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W ${quoted(words.join(' '))} -- "$cur")) ;;`,
  );
  return `# driftwarden completion for bash: source <(driftwarden completion bash)
_driftwarden() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  COMPREPLY=()
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W ${quoted(commandNames().join(' '))} -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
    scan)
      case "$prev" in
${valueCases.join('\n')}
      esac
      [[ "$cur" == -* ]] && COMPREPLY=($(compgen -W ${quoted(flags.join(' '))} -- "$cur")) ;;
${subcommands.join('\n')}
    help) [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W ${quoted(commandNames().join(' '))} -- "$cur")) ;;
  esac
}
complete -o bashdefault -o default -F _driftwarden driftwarden
`;
}

/** Text inside a zsh _arguments `[description]`: brackets and colons would end it. */
function zshText(text: string): string {
  return text.replace(/[[\]:\\]/g, (char) => `\\${char}`).replaceAll("'", "'\\''");
}

function zshScript(): string {
  const summaries = commandSummaries();
  const commands = commandNames().map((name) => `    '${name}:${zshText(summaries.get(name) ?? name)}'`);
  const specs = SCAN_OPTIONS.flatMap((option) => {
    const value = valueKind(option);
    const action =
      value.kind === 'words'
        ? `:value:(${value.words.join(' ')})`
        : value.kind === 'dirs'
          ? ':directory:_files -/'
          : value.kind === 'files'
            ? ':file:_files'
            : option.kind === 'string'
              ? ':value: '
              : '';
    const repeat = option.multiple ? '*' : '';
    return spellings(option).map((name) => `    '${repeat}${name}[${zshText(option.description)}]${action}'`);
  });
  const subcommands = Object.entries(SUBCOMMANDS).map(
    ([command, words]) => `    ${command}) (( CURRENT == 2 )) && compadd -- ${words.join(' ')} ;;`,
  );
  return `#compdef driftwarden
# driftwarden completion for zsh: source <(driftwarden completion zsh), or save as _driftwarden in $fpath
_driftwarden() {
  local -a commands
  commands=(
${commands.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  local command=$words[2]
  shift words
  (( CURRENT-- ))
  case $command in
    scan) _arguments -s \\
${specs.join(' \\\n')} ;;
${subcommands.join('\n')}
    help) (( CURRENT == 2 )) && _describe 'command' commands ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _driftwarden "$@"
else
  compdef _driftwarden driftwarden
fi
`;
}

/** Text inside a fish single-quoted string. */
function fishText(text: string): string {
  return `'${text.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}

function fishScript(): string {
  const summaries = commandSummaries();
  const names = commandNames();
  const lines = [
    '# driftwarden completion for fish: driftwarden completion fish > ~/.config/fish/completions/driftwarden.fish',
    'complete -c driftwarden -f',
    ...names.map(
      (name) =>
        `complete -c driftwarden -n __fish_use_subcommand -a ${name} -d ${fishText(summaries.get(name) ?? name)}`,
    ),
    ...Object.entries(SUBCOMMANDS).map(
      ([command, words]) =>
        `complete -c driftwarden -n ${fishText(`__fish_seen_subcommand_from ${command}`)} -a ${fishText(words.join(' '))}`,
    ),
    `complete -c driftwarden -n ${fishText('__fish_seen_subcommand_from help')} -a ${fishText(names.join(' '))}`,
  ];
  for (const option of SCAN_OPTIONS) {
    const value = valueKind(option);
    const names = [
      `-l ${option.flag}`,
      ...(option.aliases ?? []).map((alias) => `-l ${alias}`),
      ...(option.short ? [`-s ${option.short}`] : []),
    ];
    const takes =
      value.kind === 'words'
        ? ` -x -a ${fishText(value.words.join(' '))}`
        : value.kind === 'files'
          ? ' -r -F'
          : value.kind === 'dirs'
            ? ` -x -a ${fishText('(__fish_complete_directories)')}`
            : option.kind === 'string'
              ? ' -x'
              : '';
    lines.push(
      `complete -c driftwarden -n ${fishText('__fish_seen_subcommand_from scan')} ${names.join(' ')}${takes} -d ${fishText(option.description)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
