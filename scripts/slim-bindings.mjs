// Shortens what wasm-bindgen writes between the wasm and its JS glue, for a release build
// (scripts/external-boot-script.mjs runs it on each app). The two files carry the same names:
// ~150 imports such as `__wbg_addEventListener_5e44e37dd0181a81` and closure exports of 200
// characters, whose random hashes gzip cannot shrink, paid twice by every reader. Here:
// - imports and exports get names of one or two letters, in the wasm and the glue alike;
// - the module's exports that the glue never calls are dropped (`main`, which the start
//   function already runs, and the split and abort markers), so wasm-opt can remove their code;
// - so are the stream adapters wasm-streams exports for Leptos's server functions (classes
//   `IntoUnderlying*`): this app has no server functions, and nothing constructs them.
// It refuses (throws) when the glue does not have the shape it expects, rather than ship a pair
// that does not fit.

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const SECTION = { import: 2, export: 7 };

class Reader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }
  byte() {
    if (this.at >= this.bytes.length) throw new Error('slim-bindings: the wasm ends early');
    return this.bytes[this.at++];
  }
  leb() {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      const byte = this.byte();
      value |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if ((byte & 0x80) === 0) return Number(value);
    }
  }
  name() {
    const length = this.leb();
    const text = Buffer.from(this.bytes.subarray(this.at, this.at + length)).toString('utf8');
    this.at += length;
    return text;
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function encodeName(text) {
  const bytes = Buffer.from(text, 'utf8');
  return [...leb(bytes.length), ...bytes];
}

/** The module's sections, as `{ id, start, end }` of their contents. */
function sections(wasm) {
  if (!WASM_MAGIC.every((byte, i) => wasm[i] === byte)) throw new Error('slim-bindings: not a wasm module');
  const found = [];
  const reader = new Reader(wasm, WASM_MAGIC.length);
  while (reader.at < wasm.length) {
    const id = reader.byte();
    const size = reader.leb();
    found.push({ id, start: reader.at, end: reader.at + size });
    reader.at += size;
  }
  return found;
}

/** Skips an import's description (what is imported), which is copied as it is. */
function skipImportDescription(reader) {
  const limits = () => {
    const flags = reader.byte();
    reader.leb();
    if (flags & 0x01) reader.leb();
  };
  const kind = reader.byte();
  switch (kind) {
    case 0x00: // function: its type
      reader.leb();
      break;
    case 0x01: // table: its element type and limits
      reader.byte();
      limits();
      break;
    case 0x02: // memory
      limits();
      break;
    case 0x03: // global: its type and mutability
      reader.byte();
      reader.byte();
      break;
    case 0x04: // tag
      reader.byte();
      reader.leb();
      break;
    default:
      throw new Error(`slim-bindings: an import of unknown kind ${kind}`);
  }
}

/** A section's vector of entries, each read by `entry`. */
function readVector(wasm, section, entry) {
  const reader = new Reader(wasm, section.start);
  return Array.from({ length: reader.leb() }, () => entry(reader));
}

const readImports = (wasm, section) =>
  readVector(wasm, section, (reader) => {
    const module = reader.name();
    const name = reader.name();
    const from = reader.at;
    skipImportDescription(reader);
    return { module, name, description: wasm.subarray(from, reader.at) };
  });

const readExports = (wasm, section) =>
  readVector(wasm, section, (reader) => ({ name: reader.name(), kind: reader.byte(), index: reader.leb() }));

/** Short names in order: a … z, A … Z, then two letters. */
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of letters) yield first;
  for (const first of letters) for (const second of letters) yield first + second;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const IDENTIFIER_EDGE = '[\\w$]';

/** Replaces whole identifiers `from` → `to` in `text`, with `prefix` (a regex) before each. */
function renameAll(text, renames, prefix = '') {
  if (renames.size === 0) return text;
  const names = [...renames.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<!${IDENTIFIER_EDGE})(${prefix})(${names.join('|')})(?!${IDENTIFIER_EDGE})`, 'g');
  return text.replace(pattern, (_, before, name) => before + renames.get(name));
}

/** The glue without wasm-streams' three classes and their finalization registries. */
function withoutStreamAdapters(glue) {
  const CLASS = /^export class (IntoUnderlying\w+) \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm;
  const REGISTRY = /^const IntoUnderlying\w+Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n[^\n]*\n[^\n]*;\n/gm;
  const stripped = glue.replace(CLASS, '').replace(REGISTRY, '');
  if (/IntoUnderlying/i.test(stripped)) {
    throw new Error('slim-bindings: the glue still names IntoUnderlying* after removing the stream adapters: wasm-bindgen or wasm-streams changed shape');
  }
  return stripped;
}

/**
 * @param {Uint8Array} wasm the module as wasm-bindgen (and wasm-opt) wrote it
 * @param {string} glue its JS glue, unminified, as wasm-bindgen wrote it
 * @returns {{ wasm: Buffer, glue: string, dropped: string[] }} the pair with short names; wasm-opt
 *   must run on the wasm again to remove the code only the dropped exports reached
 */
export function slimBindings(wasm, glue) {
  const found = sections(wasm);
  const importSection = found.find((s) => s.id === SECTION.import);
  const exportSection = found.find((s) => s.id === SECTION.export);
  if (!importSection || !exportSection) throw new Error('slim-bindings: the wasm has no import or export section');

  if (/IntoUnderlying/.test(glue)) glue = withoutStreamAdapters(glue);

  // Exports: the glue reaches them as `wasm.<name>`; one it never reaches is dropped.
  const exports = readExports(wasm, exportSection);
  const called = new Set([...glue.matchAll(/\bwasm\.([\w$]+)/g)].map(([, name]) => name));
  for (const name of called) {
    if (!exports.some((e) => e.name === name)) throw new Error(`slim-bindings: the glue calls wasm.${name}, which the wasm does not export`);
  }
  const kept = exports.filter((e) => called.has(e.name));
  const dropped = exports.filter((e) => !called.has(e.name)).map((e) => e.name);
  const exportNames = shortNames();
  const exportRenames = new Map(kept.map((e) => [e.name, exportNames.next().value]));
  glue = renameAll(glue, exportRenames, '\\bwasm\\.');

  // Imports: one module object in the glue, its keys the import names.
  const imports = readImports(wasm, importSection);
  const modules = [...new Set(imports.map((i) => i.module))];
  if (modules.length !== 1) throw new Error(`slim-bindings: expected one import module, found ${modules.join(', ')}`);
  const moduleKey = JSON.stringify(modules[0]);
  if (glue.split(moduleKey).length !== 2) throw new Error(`slim-bindings: expected the glue to name ${moduleKey} once`);
  glue = glue.replace(moduleKey, '"a"');
  const importNames = shortNames();
  const importRenames = new Map(imports.map((i) => [i.name, importNames.next().value]));
  for (const name of importRenames.keys()) {
    const uses = glue.match(new RegExp(`(?<!${IDENTIFIER_EDGE})${escape(name)}(?!${IDENTIFIER_EDGE})`, 'g'))?.length ?? 0;
    if (uses !== 1) throw new Error(`slim-bindings: expected the glue to name the import ${name} once, found ${uses}`);
  }
  glue = renameAll(glue, importRenames);

  const importBytes = [...leb(imports.length)];
  for (const i of imports) importBytes.push(...encodeName('a'), ...encodeName(importRenames.get(i.name)), ...i.description);
  const exportBytes = [...leb(kept.length)];
  for (const e of kept) exportBytes.push(...encodeName(exportRenames.get(e.name) ?? e.name), e.kind, ...leb(e.index));

  const out = [Buffer.from(wasm.subarray(0, WASM_MAGIC.length))];
  for (const section of found) {
    const body =
      section === importSection ? Buffer.from(importBytes)
      : section === exportSection ? Buffer.from(exportBytes)
      : Buffer.from(wasm.subarray(section.start, section.end));
    out.push(Buffer.from([section.id, ...leb(body.length)]), body);
  }
  return { wasm: Buffer.concat(out), glue, dropped };
}
