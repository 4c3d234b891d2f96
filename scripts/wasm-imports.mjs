// Short names for the functions a WebAssembly module imports from its
// wasm-bindgen glue. wasm-bindgen names each one after what it calls and a
// hash (`__wbg_addEventListener_f2d27251d333a631`): 146 of them in the
// page's module, each written twice (in the module's import section and as
// a key in the glue's imports object), and their hashes do not compress.
// Renamed `a`, `b`, ... in both: the first load 4.8 KB gzip smaller (issue
// 17: the load on a slow line). Run by scripts/minify-js.mjs on every
// module of a release build, before any hash of the files is taken.
//
// Only names that end in wasm-bindgen's hash are renamed; each must be
// found in the glue, or the build stops (a glue whose form has changed
// would otherwise fail only in the browser, at instantiation).

/** An unsigned LEB128 at `at`: [value, offset after it]. */
function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error('wasm: a number runs past the end of the module');
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return [value, at];
    if (shift > 35) throw new Error('wasm: a number longer than 32 bits');
  }
}

function writeU32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  if (start + length > bytes.length) throw new Error('wasm: a name runs past the end of the module');
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

const writeName = (text) => {
  const utf8 = Buffer.from(text, 'utf8');
  return Buffer.concat([writeU32(utf8.length), utf8]);
};

/** The offset just after an import's description (its kind and type) at `at`. */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const [flags, q] = readU32(bytes, p);
    let r = readU32(bytes, q)[1];
    if (flags & 1) r = readU32(bytes, r)[1];
    return r;
  };
  switch (kind) {
    case 0: return readU32(bytes, at)[1]; // function: its type index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readU32(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`wasm: an import of unknown kind ${kind}`);
  }
}

/** `a`, `b`, ... `Z`, `ba`, ...: the `index`th short name. */
export function shortName(index) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name += letters[index % letters.length];
    index = Math.floor(index / letters.length);
  } while (index);
  return name;
}

/** A name wasm-bindgen made: what it calls, then a 16-hex-digit hash. */
export const HASHED = /_[0-9a-f]{16}$/;

/**
 * The module `wasm` (a Buffer) and its glue `js` (text) with every hashed
 * import name shortened in both: { wasm, js, renamed: [[old, new], ...] }.
 * Throws when the module cannot be read or a renamed import is not (only) a
 * key of the glue's imports object.
 */
export function shortenImports(wasm, js) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('wasm: not a WebAssembly module');
  const parts = [wasm.subarray(0, 8)];
  const renamed = new Map();
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = readU32(wasm, at + 1);
    const end = body + size;
    if (end > wasm.length) throw new Error(`wasm: section ${id} runs past the end of the module`);
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: each import's module name, its name, its description.
    let [count, p] = readU32(wasm, body);
    const imports = [];
    for (let k = 0; k < count; k++) {
      const [module, q] = readName(wasm, p);
      const [name, r] = readName(wasm, q);
      const next = skipImportDescription(wasm, r);
      imports.push({ module, name, description: wasm.subarray(r, next) });
      p = next;
    }
    if (p !== end) throw new Error('wasm: the import section has bytes after its last import');
    // Names kept as they are stay taken (in every module imported from:
    // one long name gets one short name wherever it is imported).
    const taken = new Set(imports.filter((i) => !HASHED.test(i.name)).map((i) => i.name));
    let next = 0;
    const out = [writeU32(count)];
    for (const i of imports) {
      let name = i.name;
      if (HASHED.test(name)) {
        if (!renamed.has(name)) {
          let short;
          do short = shortName(next++); while (taken.has(short));
          taken.add(short);
          renamed.set(name, short);
        }
        name = renamed.get(name);
      }
      out.push(writeName(i.module), writeName(name), i.description);
    }
    const section = Buffer.concat(out);
    parts.push(Buffer.from([2]), writeU32(section.length), section);
    at = end;
  }
  // In the glue each is a key of the imports object (`name: function`),
  // and nothing else: anything else is a glue this was not written for.
  let glue = js;
  for (const [long, short] of renamed) {
    const key = new RegExp(`(?<![\\w$])${long}(?=\\s*:)`, 'g');
    const keys = glue.match(key)?.length ?? 0;
    glue = glue.replace(key, short);
    if (keys === 0 || glue.includes(long)) {
      throw new Error(`wasm-imports: the glue does not name the import ${long} as a key of its imports, and only so: has wasm-bindgen changed?`);
    }
  }
  return { wasm: Buffer.concat(parts), js: glue, renamed: [...renamed] };
}
