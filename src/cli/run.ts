import { Command, CommanderError, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expandPaths } from '../node/expand-paths.js';
import { DEFAULT_MAX_FILE_SIZE, readContract, type ReadResult } from '../node/read-contract.js';
import { formatTreeJson } from '../report/tree-json.js';
import { formatTreeText } from '../report/tree-text.js';
import { VERSION } from '../version.js';

export interface RunIO {
  cwd?: string;
  /** Whether stdout is a terminal that takes colour. */
  color?: boolean;
}

export interface RunResult {
  exitStatus: number;
  stdout: string;
  stderr: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

interface MainOptions {
  format: string;
  output?: string;
  tree?: boolean;
  color: boolean;
  debug?: boolean;
  password?: string;
  maxFileSize: number;
  quiet?: boolean;
}

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'];

function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new CommanderError(EXIT_TROUBLE, 'contract-lint.badSize', `invalid size "${value}" (e.g. 20MB)`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  return Math.round(Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1048576 : unit === 'g' ? 1073741824 : 1));
}

/**
 * The whole command line as a function: arguments in, exit status and output out. Never exits the process and
 * never prints a stack trace unless --debug asks for one.
 */
export async function run(argv: string[], io: RunIO = {}): Promise<RunResult> {
  const cwd = io.cwd ?? process.cwd();
  let stdout = '';
  let stderr = '';
  let exitStatus = EXIT_OK;

  const program = new Command('contract-lint')
    .description('Lint contracts (DOCX, PDF, Markdown, text) for missing and dangerous clauses / 合同检查工具')
    .version(VERSION, '-v, --version')
    .argument('[paths...]', 'files, directories or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file')
    .option('-c, --config <file>', 'configuration file')
    .option('--rules <dir>', 'extra rule pack directory (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .addOption(new Option('--party <party>', "whose side the reader is on").choices(['client', 'provider']).default('client'))
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh', 'en']))
    .option('--max-warnings <n>', 'fail when there are more warnings than this', (v) => Number(v))
    .option('--quiet', 'report errors only')
    .option('--tree', 'print the clause tree instead of findings')
    .option('--no-color', 'no colour in the output')
    .option('--password <password>', 'user password for an encrypted PDF')
    .option('--max-file-size <size>', 'largest input file to read (e.g. 50MB)', parseSize, DEFAULT_MAX_FILE_SIZE)
    .option('--debug', 'print stack traces and internal details')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => (stdout += s),
      writeErr: (s) => (stderr += s),
      outputError: (s, write) => write(s),
    })
    .action(async (paths: string[], options: MainOptions) => {
      if (paths.length === 0) {
        stderr += 'contract-lint: no input files; give files, directories or globs (see --help) / 请指定要检查的文件\n';
        exitStatus = EXIT_TROUBLE;
        return;
      }
      const files = await expandPaths(paths, cwd);
      if (files.length === 0) {
        stderr += `contract-lint: no .docx, .pdf, .md or .txt files found in ${paths.join(', ')} / 没有找到可检查的文件\n`;
        exitStatus = EXIT_TROUBLE;
        return;
      }
      const results: ReadResult[] = [];
      for (const f of files) {
        results.push(await readContract(f.path, { cwd, password: options.password, maxFileSize: options.maxFileSize, explicit: f.explicit }));
      }
      for (const r of results) {
        if (!r.error) continue;
        stderr += `contract-lint: ${r.path}: ${r.error.message} [${r.error.code}]\n`;
        if (options.debug && r.cause instanceof Error && r.cause.stack) stderr += r.cause.stack + '\n';
        exitStatus = EXIT_TROUBLE;
      }
      const report = options.format === 'json' ? formatTreeJson(results) : formatTreeText(results);
      if (options.output) await writeFile(path.resolve(cwd, options.output), report);
      else stdout += report;
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors have been written already.
      return { exitStatus: e.exitCode === 0 ? EXIT_OK : EXIT_TROUBLE, stdout, stderr };
    }
    stderr += `contract-lint: internal error: ${(e as Error)?.message ?? e}\n`;
    if (argv.includes('--debug') && e instanceof Error) stderr += (e.stack ?? '') + '\n';
    else stderr += 'Run again with --debug for details, and please report it. / 内部错误，请加 --debug 重试并反馈。\n';
    return { exitStatus: EXIT_TROUBLE, stdout, stderr };
  }
  return { exitStatus, stdout, stderr };
}
