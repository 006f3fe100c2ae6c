import { fileURLToPath } from 'node:url';
import type { IsolationTools } from './isolationTools';
import { ADDRESS_SPACE_HEADROOM_MB, type SandboxLimits } from './SandboxLimits';

/** The child-side runner; the child may read it and the submission's folder, nothing else. */
export const RUNNER_PATH = fileURLToPath(new URL('./child/runner.mjs', import.meta.url));

/**
 * The command line of a sandboxed child: `[timeout -s KILL T] [prlimit --as=N] [unshare --net]
 * node --permission --allow-fs-read=<runner> --allow-fs-read=<dir>/ --max-old-space-size=M
 * --no-addons runner.mjs <entry>`. Each wrapper execs the next, so killing the process group
 * (the child is spawned detached) reaches all of them.
 */
export function sandboxArgv(dir: string, entry: string, limits: SandboxLimits, tools: IsolationTools): { command: string; args: string[] } {
  const node = [
    process.execPath,
    tools.permissionFlag,
    `--allow-fs-read=${RUNNER_PATH}`,
    `--allow-fs-read=${dir.endsWith('/') ? dir : `${dir}/`}`,
    `--max-old-space-size=${Math.max(16, Math.floor(limits.memoryMb))}`,
    '--no-addons',
    '--no-warnings',
    RUNNER_PATH,
    entry,
  ];
  const wrap: string[] = [];
  // The backstop deadline is a little later than the parent's, which kills first and says why.
  if (tools.timeout) wrap.push(tools.timeout, '-s', 'KILL', `${Math.ceil(limits.timeoutMs / 1000) + 5}`);
  if (tools.prlimit) wrap.push(tools.prlimit, `--as=${(Math.floor(limits.memoryMb) + ADDRESS_SPACE_HEADROOM_MB) * 1024 * 1024}`);
  if (tools.unshareNet) wrap.push(tools.unshareNet, '--net');
  const argv = [...wrap, ...node];
  return { command: argv[0]!, args: argv.slice(1) };
}
