// Preloaded (--require) into the CLI and the language server by test/security/runtime.test.ts: every way to
// start a process, run a string as code or write a file makes the process report it and throw. The product
// reads manifests, profiles and cluster configurations from the workspace and must do nothing else with
// them: no shell-outs, no code execution, no file writes (edits go back to the editor as WorkspaceEdits).
// Each attempt is written to stderr first, as a line starting with "ACK-CNI-SECURITY:", so that a caller
// catching the exception cannot hide it.
'use strict';
const fs = require('node:fs');

const marker = 'ACK-CNI-SECURITY:';

function refuse(what) {
  fs.writeSync(2, `${marker} ${what}\n${new Error('stack').stack.split('\n').slice(2, 8).join('\n')}\n`);
  const error = new Error(`ack-cni-lint must not ${what}`);
  error.code = 'ACK_CNI_FORBIDDEN';
  throw error;
}

function guard(object, names, what) {
  for (const name of names) {
    if (typeof object[name] !== 'function') continue;
    object[name] = function guarded() {
      return refuse(`${what}.${name}`);
    };
  }
}

// Processes.
const childProcess = require('node:child_process');
guard(childProcess, ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'child_process');
const workerThreads = require('node:worker_threads');
workerThreads.Worker = function Worker() {
  return refuse('start a worker_threads.Worker');
};

// Code from strings.
const vm = require('node:vm');
guard(vm, ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction'], 'vm');
vm.Script = function Script() {
  return refuse('compile a vm.Script');
};
// Replacing the global eval also catches direct eval calls: they only act as eval when `eval` is the original.
globalThis.eval = function guardedEval() {
  return refuse('eval a string');
};
const OriginalFunction = Function;
const guardedFunction = function Function() {
  return refuse('build a function from a string (Function constructor)');
};
guardedFunction.prototype = OriginalFunction.prototype;
// `new Function(...)` and `Function(...)` go through the global binding; `instanceof Function` keeps working.
Object.defineProperty(globalThis, 'Function', { value: guardedFunction, writable: true, configurable: true });

// File writes. Standard output and error (file descriptors 1 and 2) stay writable.
const writeNames = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync',
  'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync',
  'symlink', 'symlinkSync', 'link', 'linkSync', 'truncate', 'truncateSync', 'chmod', 'chmodSync', 'chown', 'chownSync',
  'utimes', 'utimesSync',
];
guard(fs, writeNames, 'fs');
guard(fs.promises, writeNames.filter((name) => !name.endsWith('Sync') && name !== 'createWriteStream'), 'fs.promises');
const writesFlags = (flags) =>
  typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND)) !== 0 : typeof flags === 'string' && /[wa+]/.test(flags);
for (const name of ['open', 'openSync']) {
  const original = fs[name];
  fs[name] = function guardedOpen(file, flags, ...rest) {
    if (writesFlags(flags)) return refuse(`fs.${name} ${JSON.stringify(String(file))} for writing`);
    return original.call(this, file, flags, ...rest);
  };
}
const promisesOpen = fs.promises.open;
fs.promises.open = async function guardedOpen(file, flags, ...rest) {
  if (writesFlags(flags)) return refuse(`fs.promises.open ${JSON.stringify(String(file))} for writing`);
  return promisesOpen.call(this, file, flags, ...rest);
};
for (const name of ['write', 'writeSync', 'writev', 'writevSync']) {
  const original = fs[name];
  fs[name] = function guardedWrite(fd, ...rest) {
    if (fd !== 1 && fd !== 2) return refuse(`fs.${name} to file descriptor ${fd}`);
    return original.call(this, fd, ...rest);
  };
}
