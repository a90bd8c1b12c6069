import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_TIMEOUT_SECONDS } from '../node/read-contract.js';
import { VERSION } from '../version.js';
import type { DiffCommandOptions } from './commands/diff.js';
import { lintCommand, type LintCommandOptions } from './commands/lint.js';
import { EXIT_OK, EXIT_TROUBLE, newOutput } from './output.js';

export interface RunIO {
  cwd?: string;
  /** Whether stdout is a terminal that takes colour. */
  color?: boolean;
  /** Where a progress line may go (a terminal's stderr); absent when piped, so nothing extra is written. */
  progress?: (text: string) => void;
}

export interface RunResult {
  exitStatus: number;
  stdout: string;
  stderr: string;
}

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'];

function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 20MB');
  const unit = (m[2] ?? '').toLowerCase()[0];
  return Math.round(Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1048576 : unit === 'g' ? 1073741824 : 1));
}

function parseSeconds(value: string): number {
  if (!/^\d+(?:\.\d+)?$/.test(value.trim())) throw new InvalidArgumentError('expected a number of seconds such as 60 (0 = no limit)');
  return Number(value);
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

const collect = (v: string, prev: string[]) => [...prev, v];

/**
 * The whole command line as a function: arguments in, exit status and output out. Never exits the process and
 * never prints a stack trace unless --debug asks for one.
 */
export async function run(argv: string[], io: RunIO = {}): Promise<RunResult> {
  const cwd = io.cwd ?? process.cwd();
  const out = newOutput();
  const debug = argv.includes('--debug');

  const program = new Command('contract-lint')
    .description('Lint contracts (DOCX, PDF, Markdown, text) for missing and dangerous clauses / 合同风险检查')
    .version(VERSION, '-v, --version')
    .argument('[paths...]', 'files, directories or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file')
    .option('-c, --config <file>', 'configuration file (instead of looking for .contract-lint.yaml)')
    .option('--rules <dir>', 'extra rule pack folder (repeatable)', collect, [] as string[])
    .addOption(new Option('--party <party>', 'whose side the reader is on').choices(['client', 'provider']))
    .addOption(new Option('--lang <lang>', 'language of messages (default: the document\'s)').choices(['zh', 'en']))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--quiet', 'report errors only')
    .option('--tree', 'print the clause tree instead of findings')
    .option('--template', 'the files are templates: blanks to fill in are expected')
    .option('--no-color', 'no colour in the output')
    .option('--password <password>', 'user password for an encrypted PDF')
    .option('--max-file-size <size>', 'largest input file to read (e.g. 50MB)', parseSize, DEFAULT_MAX_FILE_SIZE)
    .option('--timeout <seconds>', 'longest time reading one file may take (0 = no limit)', parseSeconds, DEFAULT_TIMEOUT_SECONDS)
    .option('--workers <n>', 'worker threads beside this one (default: by the work and the cores; 0 = all in this thread)', parseCount)
    .option('--cache', 'reuse the reports of unchanged files')
    .option('--cache-location <file>', 'cache file (default .contract-lint-cache)')
    .option('--debug', 'print stack traces and internal details')
    .showHelpAfterError('(run contract-lint --help for usage)')
    // Options after a command name (diff -f json) are that command's own.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => (out.stdout += s),
      writeErr: (s) => (out.stderr += s),
    })
    .action(async (paths: string[], options: Omit<LintCommandOptions, 'color'> & { color: boolean }) => {
      await lintCommand(paths, { ...options, color: options.color && io.color === true }, cwd, out, io.progress);
    });

  const shared = (c: Command) =>
    c
      .option('-c, --config <file>', 'configuration file')
      .option('--rules <dir>', 'extra rule pack folder (repeatable)', collect, [] as string[])
      .addOption(new Option('--lang <lang>', 'language').choices(['zh', 'en']));
  // The other commands' modules load only when they run: a lint's start-up does not pay for them.
  const ruleCommands = () => import('./commands/rule-commands.js');
  shared(program.command('rules').description('list the active rules')).action(async (opts) => (await ruleCommands()).rulesCommand(opts, cwd, out));
  shared(program.command('explain').argument('<rule-id>').description('why a rule exists, what good looks like, suggested clause text')).action(
    async (id: string, opts) => (await ruleCommands()).explainCommand(id, opts, cwd, out),
  );
  program
    .command('test')
    .argument('[rules-dir...]', 'rule pack folders (default: the built-in packs)')
    .description("run the rules' own examples")
    .action(async (dirs: string[]) => (await ruleCommands()).testCommand(dirs, cwd, out));
  program.command('init').description('write a starter .contract-lint.yaml').action(async () => (await ruleCommands()).initCommand(cwd, out));
  program
    .command('diff')
    .argument('<old>', 'the earlier version (any supported format)')
    .argument('<new>', 'the revision to compare with it')
    .description('what a revision changed: findings introduced and resolved, clauses changed / 对比两个版本')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'markdown', 'html']).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file')
    .option('-c, --config <file>', 'configuration file (instead of looking for .contract-lint.yaml)')
    .option('--rules <dir>', 'extra rule pack folder (repeatable)', collect, [] as string[])
    .addOption(new Option('--party <party>', 'whose side the reader is on').choices(['client', 'provider']))
    .addOption(new Option('--lang <lang>', 'language of messages (default: the new version\'s)').choices(['zh', 'en']))
    .option('--template', 'the files are templates: blanks to fill in are expected')
    .option('--no-color', 'no colour in the output')
    .option('--password <password>', 'user password for encrypted PDFs')
    .option('--max-file-size <size>', 'largest input file to read (e.g. 50MB)', parseSize, DEFAULT_MAX_FILE_SIZE)
    .option('--timeout <seconds>', 'longest time reading one file may take (0 = no limit)', parseSeconds, DEFAULT_TIMEOUT_SECONDS)
    .option('--debug', 'print stack traces and internal details')
    .action(async (oldPath: string, newPath: string, options: DiffCommandOptions) => {
      const { diffCommand } = await import('./commands/diff.js');
      await diffCommand(oldPath, newPath, { ...options, color: options.color && io.color === true }, cwd, out);
    });
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: (s) => (out.stdout += s), writeErr: (s) => (out.stderr += s) });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors have been written already.
      return { exitStatus: e.exitCode === 0 ? EXIT_OK : EXIT_TROUBLE, stdout: out.stdout, stderr: out.stderr };
    }
    out.stderr += `contract-lint: internal error: ${(e as Error)?.message ?? e}\n`;
    if (debug && e instanceof Error) out.stderr += (e.stack ?? '') + '\n';
    else out.stderr += 'Run again with --debug for details, and please report it. / 内部错误，请加 --debug 重试并反馈。\n';
    return { exitStatus: EXIT_TROUBLE, stdout: out.stdout, stderr: out.stderr };
  }
  return { exitStatus: out.exitStatus, stdout: out.stdout, stderr: out.stderr };
}
