// scripts/setup.sh, which every command runs first (issue 11's review):
//  - it refuses a Node.js older than 20.10 (the test runner's flags need it),
//    saying which version it found;
//  - CHROMIUM_PATH and CHROMEDRIVER are honoured on a machine with no
//    command named `chromium` or `chromedriver`, and a wrong one is named;
//  - with no network at all it still gets ready when everything is there
//    (crates are checked in cargo's cache before anything is downloaded).
// Each runs the real script; the machine is already set up by the test
// command, so none of them installs anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

function setup({ env = {}, command = ['bash', 'scripts/setup.sh'] } = {}) {
  const [program, ...args] = command;
  const r = spawnSync(program, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Which program a command name runs on this machine. */
function which(name) {
  const r = spawnSync('bash', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

test('setup refuses a Node.js older than 20.10 and says which it found', () => {
  const dir = mkdtempSync(join(tmpdir(), 'old-node-'));
  writeFileSync(join(dir, 'node'), '#!/bin/sh\necho v20.9.0\n');
  chmodSync(join(dir, 'node'), 0o755);
  const r = setup({ env: { PATH: `${dir}:${process.env.PATH}` } });
  assert.equal(r.status, 1, r.output);
  assert.match(r.output, /Node\.js v20\.9\.0 is too old: the tests need Node\.js 20\.10 or newer/);
});

test('CHROMIUM_PATH and CHROMEDRIVER are used on a machine with no "chromium" command', () => {
  const browser = process.env.CHROMIUM_PATH || which('chromium');
  const driver = process.env.CHROMEDRIVER || which('chromedriver');
  assert.ok(browser && driver, 'the test command set up a browser first');
  // A PATH with only the basic tools (no chromium, no apt-get), and the
  // browser under another name.
  const dir = mkdtempSync(join(tmpdir(), 'no-chromium-'));
  for (const tool of ['bash', 'sh', 'cat', 'grep', 'timeout', 'mkdir', 'ln', 'sed', 'cut', 'head', 'id', 'dirname', 'node', 'npm', 'env', 'tr', 'soffice']) {
    const path = which(tool);
    if (path) symlinkSync(path, join(dir, tool));
  }
  symlinkSync(browser, join(dir, 'my-browser'));
  const bash = join(dir, 'bash');
  const ok = setup({
    env: { PATH: dir, CHROMIUM_PATH: join(dir, 'my-browser'), CHROMEDRIVER: driver },
    command: [bash, 'scripts/setup.sh'],
  });
  assert.equal(ok.status, 0, ok.output);
  assert.match(ok.output, /Ready: .*Chromium/);

  const wrong = setup({ env: { CHROMIUM_PATH: '/no/such/browser', CHROMEDRIVER: driver } });
  assert.equal(wrong.status, 1, wrong.output);
  assert.match(wrong.output, /CHROMIUM_PATH is '\/no\/such\/browser', which is not a program that can be run/);
});

test('with the network cut off, setup still gets ready from what is installed', (t) => {
  const unshare = which('unshare');
  if (process.getuid?.() !== 0 || !unshare || !existsSync('/proc/self/ns/net')) {
    t.skip('needs root and unshare to cut the network off');
    return;
  }
  const probe = spawnSync(unshare, ['-n', 'true']);
  if (probe.status !== 0) {
    t.skip('this machine does not allow a new network namespace');
    return;
  }
  const r = setup({ command: [unshare, '-n', 'bash', 'scripts/setup.sh'] });
  assert.equal(r.status, 0, r.output);
  assert.match(r.output, /Ready: /);
  assert.doesNotMatch(r.output, /cargo fetch \(/, 'nothing was downloaded');
});
