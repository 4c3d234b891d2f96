// The release build's import names (scripts/wasm-imports.mjs, run by
// scripts/minify-js.mjs): wasm-bindgen's hashed names shortened in each
// module and its glue alike, and the build stopped when the glue is not of
// the form the renaming was written for. That the shortened build runs at
// all is proven by every journey; these check the renaming itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HASHED, shortName, shortenImports } from '../scripts/wasm-imports.mjs';

const DIST = resolve(process.env.E2E_DIST || resolve(import.meta.dirname, '..', 'dist'));

const u32 = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
const name = (s) => [...u32(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, bytes) => [id, ...u32(bytes.length), ...bytes];

/** A module importing `imports` ([module, name] pairs, functions of type () -> ()) and a memory. */
function moduleImporting(imports) {
  const types = section(1, [1, 0x60, 0, 0]);
  const entries = imports.flatMap(([m, n]) => [...name(m), ...name(n), 0, 0]);
  const memory = [...name('env'), ...name('memory'), 2, 0, 1];
  const importSection = section(2, [...u32(imports.length + 1), ...entries, ...memory]);
  // A custom section after the imports, kept byte for byte.
  const custom = section(0, [...name('note'), 1, 2, 3]);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...importSection, ...custom]);
}

const HASH_A = '__wbg_log_0123456789abcdef';
const HASH_B = '__wbg_now_fedcba9876543210';

test('hashed import names get short names in the module and its glue, and nothing else changes', () => {
  // `a` is an import name already taken: the first short name skips it.
  const wasm = moduleImporting([['./app_bg.js', HASH_A], ['./app_bg.js', 'a'], ['./app_bg.js', HASH_B], ['./snippet.js', 'publishApi']]);
  const js = `const imports = { __proto__: null, ${HASH_A}: function() { console.log(1) }, a: function() {}, ${HASH_B} : function() { return 0 } };`;
  const out = shortenImports(wasm, js);
  assert.deepEqual(out.renamed, [[HASH_A, 'b'], [HASH_B, 'c']]);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm));
  assert.deepEqual(imports.map((i) => [i.module, i.name, i.kind]), [
    ['./app_bg.js', 'b', 'function'], ['./app_bg.js', 'a', 'function'], ['./app_bg.js', 'c', 'function'],
    ['./snippet.js', 'publishApi', 'function'], ['env', 'memory', 'memory'],
  ]);
  assert.equal(out.js, 'const imports = { __proto__: null, b: function() { console.log(1) }, a: function() {}, c : function() { return 0 } };');
  // The sections after the imports are as they were.
  assert.deepEqual(out.wasm.subarray(-9), wasm.subarray(-9));
  assert.ok(out.wasm.length < wasm.length);
});

test('the build stops when the glue does not name an import as a key of its imports, and only so', () => {
  const wasm = moduleImporting([['./app_bg.js', HASH_A]]);
  assert.throws(() => shortenImports(wasm, 'const imports = {};'), /does not name the import __wbg_log_0123456789abcdef/);
  // Named, but also used otherwise: renaming the key alone would break it.
  assert.throws(() => shortenImports(wasm, `const imports = { ${HASH_A}: f }; imports.wbg = ${HASH_A};`), /as a key of its imports, and only so/);
  assert.throws(() => shortenImports(Buffer.from('not wasm at all'), ''), /not a WebAssembly module/);
  const cut = moduleImporting([['./app_bg.js', HASH_A]]).subarray(0, 20);
  assert.throws(() => shortenImports(cut, ''), /past the end/);
});

test('short names are distinct', () => {
  const names = Array.from({ length: 3000 }, (_, i) => shortName(i));
  assert.equal(new Set(names).size, names.length);
  assert.ok(names.every((n) => /^[A-Za-z]+$/.test(n)));
});

test('no module of the release build imports a hashed name, nor does its glue give one', () => {
  const modules = readdirSync(DIST).filter((n) => n.endsWith('_bg.wasm'));
  // The page and the three modules loaded on demand.
  assert.equal(modules.length, 4, modules.join(', '));
  for (const file of modules) {
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(join(DIST, file))));
    const hashed = imports.filter((i) => HASHED.test(i.name));
    assert.deepEqual(hashed, [], `${file} still imports hashed names`);
    // Most imports are the glue's, and short.
    assert.ok(imports.filter((i) => i.name.length <= 2).length > imports.length / 2, `${file}: ${imports.length} imports`);
    const glue = readFileSync(join(DIST, file.replace(/_bg\.wasm$/, '.js')), 'utf8');
    assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}\b/, `${file}'s glue`);
  }
});
