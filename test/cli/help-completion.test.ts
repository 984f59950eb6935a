import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODIFY_HELP } from '../../src/cli/codify-command.js';
import { completionScript, valueKind } from '../../src/cli/completion.js';
import { commandNames, commandSummaries, scanHelp } from '../../src/cli/help.js';
import { POLICIES_HELP } from '../../src/cli/policies-command.js';
import { SNAPSHOT_HELP } from '../../src/cli/snapshot-command.js';
import { TYPES_HELP } from '../../src/cli/types-command.js';
import { SCAN_OPTIONS } from '../../src/config/options.js';
import { runCli, tempDir } from '../helpers/cli.js';

describe('help: per command', () => {
  it.each([
    ['scan', scanHelp()],
    ['policies', POLICIES_HELP],
    ['types', TYPES_HELP],
    ['snapshot', SNAPSHOT_HELP],
    ['codify', CODIFY_HELP],
  ])('help %s prints what %s --help prints', async (command, text) => {
    const viaHelp = await runCli(['help', command]);
    expect(viaHelp).toEqual({ code: 0, stdout: text, stderr: '' });
    expect(await runCli([command, '--help'])).toEqual(viaHelp);
  });

  it('help completion, help help, and an unknown command with the nearest one', async () => {
    expect((await runCli(['help', 'completion'])).stdout).toContain(
      'Usage: driftwarden completion bash|zsh|fish',
    );
    expect((await runCli(['help', 'help'])).stdout).toBe((await runCli(['--help'])).stdout);
    expect(await runCli(['help', 'polices'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'driftwarden: usage error: unknown command "polices" (did you mean "policies"?) (run "driftwarden help")\n',
    });
    expect((await runCli(['scna'])).stderr).toBe(
      'driftwarden: usage error: unknown command "scna" (did you mean "scan"?) (run "driftwarden help")\n',
    );
  });

  it('types and snapshot name the nearest flag too, and their own help', async () => {
    expect((await runCli(['types', '--providr', 'aws'])).stderr).toBe(
      'driftwarden: usage error: unknown option --providr (did you mean --provider?) (run "driftwarden types --help")\n',
    );
    expect((await runCli(['snapshot', '--outptu', 'x.json'])).stderr).toBe(
      'driftwarden: usage error: unknown option --outptu (did you mean --output?) (run "driftwarden snapshot --help")\n',
    );
    expect((await runCli(['types', 'aws'])).stderr).toBe(
      'driftwarden: usage error: unexpected argument "aws": types takes only options (run "driftwarden types --help")\n',
    );
  });

  it('lists the commands of the main help, with their summaries', () => {
    expect(commandNames()).toEqual([
      'scan',
      'connectors',
      'policies',
      'types',
      'snapshot',
      'codify',
      'init',
      'ignore',
      'notify',
      'merge',
      'fix',
      'history',
      'completion',
      'help',
    ]);
    expect(commandSummaries().get('scan')).toBe('compare declared state with live state and report drift');
  });

  it('scan help shows each short alias, the environment variables and the driftctl spellings', () => {
    const help = scanHelp();
    expect(help).toMatch(/^ {2}-s, --state <path\|glob> {2,}Terraform state/m);
    expect(help).toMatch(/^ {6}--ref <ref> {2,}The commit/m);
    expect(help).toContain('DRIFTWARDEN_<OPTION> (DRIFTWARDEN_FAIL_ON=high)');
    expect(help).toContain("driftctl's spellings: --from tfstate://<path>");
  });
});

/** Runs the bash script's completion function on a command line whose last word is being completed. */
function bashComplete(words: string[], cwd: string): string[] {
  const script = join(cwd, 'driftwarden.bash');
  writeFileSync(script, completionScript('bash'));
  const array = words.map((word) => `'${word}'`).join(' ');
  const run = `source ${script}; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _driftwarden; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', run], { cwd, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

describe('completion', () => {
  it('bash: commands, subcommands, scan flags and their values, files for paths', () => {
    const cwd = tempDir({ 'prod.tfstate': '{}', 'modules/x.tf': '' });
    expect(bashComplete(['driftwarden', 'sn'], cwd)).toEqual(['snapshot']);
    expect(bashComplete(['driftwarden', 'policies', ''], cwd)).toEqual(['build', 'list', 'show']);
    expect(bashComplete(['driftwarden', 'scan', '--fa'], cwd)).toEqual(['--fail-on']);
    expect(bashComplete(['driftwarden', 'scan', '--dr'], cwd)).toEqual(['--driftignore']);
    expect(bashComplete(['driftwarden', 'scan', '-f', 'j'], cwd)).toEqual(['json', 'junit']);
    expect(bashComplete(['driftwarden', 'scan', '--fail-on', 'cr'], cwd)).toEqual(['critical']);
    expect(bashComplete(['driftwarden', 'scan', '--state', 'pr'], cwd)).toEqual(['prod.tfstate']);
    expect(bashComplete(['driftwarden', 'scan', '--repo', ''], cwd)).toEqual(['modules']);
    expect(bashComplete(['driftwarden', 'help', 'ty'], cwd)).toEqual(['types']);
  });

  it('zsh and fish: every scan flag, short alias and value list', () => {
    const zsh = completionScript('zsh');
    const fish = completionScript('fish');
    expect(zsh.startsWith('#compdef driftwarden\n')).toBe(true);
    for (const option of SCAN_OPTIONS) {
      expect(zsh).toContain(`--${option.flag}[`);
      expect(fish).toContain(`-l ${option.flag}`);
      if (option.short) {
        expect(zsh).toContain(`-${option.short}[`);
        expect(fish).toContain(`-s ${option.short}`);
      }
    }
    expect(zsh).toContain("'*-s[Terraform state file(s), format version 4. Repeatable.]:file:_files'");
    expect(zsh).toContain(":value:(table json markdown sarif html junit)'");
    expect(fish).toContain("-l format -s f -x -a 'table json markdown sarif html junit'");
    expect(fish).toContain(
      "complete -c driftwarden -n __fish_use_subcommand -a scan -d 'compare declared state",
    );
    expect(valueKind({ flag: 'x', kind: 'string', value: '<dir>', description: '' })).toEqual({
      kind: 'dirs',
    });
  });

  it('the command prints the script, and refuses an unknown shell', async () => {
    expect((await runCli(['completion', 'bash'])).stdout).toBe(completionScript('bash'));
    expect((await runCli(['completion', 'pwsh'])).stderr).toBe(
      'driftwarden: usage error: completion pwsh: unknown shell (bash, zsh, fish)\n',
    );
    expect((await runCli(['completion', 'fihs'])).stderr).toContain('unknown shell (did you mean "fish"?)');
  });
});
