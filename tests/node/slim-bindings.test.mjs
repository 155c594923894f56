// scripts/slim-bindings.mjs on a small module and glue in wasm-bindgen's shape: the pair still
// works with short names, what the glue never calls is gone, and a glue of another shape is
// refused rather than shipped broken.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { slimBindings } from '../../scripts/slim-bindings.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-slim-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const LOG = '__wbg_log_0123456789abcdef';
const CLOSURE = 'wasm_bindgen_0123456789abcdef___convert__closures_____invoke_______true_';

// `main` is what `__wbindgen_start` runs; the sink's free is wasm-streams' export.
const WAT = `(module
  (import "./app_bg.js" "${LOG}" (func $log (param i32)))
  (memory (export "memory") 1)
  (func (export "${CLOSURE}") (param i32) (call $log (local.get 0)))
  (func $main (export "main") (call $log (i32.const 42)))
  (func (export "__wbindgen_start") (call $main))
  (func (export "__wbg_intounderlyingsink_free") (param i32 i32)))`;

const GLUE = `let wasm;

export class IntoUnderlyingSink {
    free() {
        wasm.__wbg_intounderlyingsink_free(this.__wbg_ptr, 0);
    }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;

const seen = [];
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        ${LOG}: function(arg0) {
            seen.push(arg0);
        },
    };
    return {
        __proto__: null,
        "./app_bg.js": import0,
    };
}

const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr >>> 0, 1));

export function start(bytes) {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), __wbg_get_imports());
    wasm = instance.exports;
    wasm.${CLOSURE}(7);
    wasm.__wbindgen_start();
    return { seen, memory: wasm.memory.buffer.byteLength };
}
`;

function assemble() {
  const wat = path.join(dir, 'app.wat');
  const wasm = path.join(dir, 'app.wasm');
  writeFileSync(wat, WAT);
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/wasm-as'), [wat, '-o', wasm], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return readFileSync(wasm);
}

let modules = 0;
async function run(glue, wasm) {
  const file = path.join(dir, `glue-${modules++}.mjs`);
  writeFileSync(file, glue);
  const { start } = await import(pathToFileURL(file));
  return start(wasm);
}

describe('scripts/slim-bindings.mjs', () => {
  const wasm = assemble();

  it('gives the pair short names and they still fit: the app runs as before', async () => {
    const before = await run(GLUE, wasm);
    const slim = slimBindings(wasm, GLUE);
    const after = await run(slim.glue, slim.wasm);
    assert.deepEqual(after, before);
    assert.deepEqual(before.seen, [7, 42]);

    const module = new WebAssembly.Module(slim.wasm);
    for (const { module: from, name } of WebAssembly.Module.imports(module)) {
      assert.equal(from, 'a');
      assert.match(name, /^[a-zA-Z]{1,2}$/);
    }
    for (const { name } of WebAssembly.Module.exports(module)) assert.match(name, /^[a-zA-Z]{1,2}$/);
    for (const long of [LOG, CLOSURE, '__wbindgen_start', './app_bg.js']) assert.ok(!slim.glue.includes(long), long);
  });

  it('drops the exports the glue never calls, and wasm-streams adapters with their classes', () => {
    const slim = slimBindings(wasm, GLUE);
    assert.deepEqual(slim.dropped.sort(), ['__wbg_intounderlyingsink_free', 'main']);
    assert.equal(WebAssembly.Module.exports(new WebAssembly.Module(slim.wasm)).length, 3);
    assert.doesNotMatch(slim.glue, /IntoUnderlying/);
  });

  it('refuses a glue that calls an export the wasm does not have', () => {
    const glue = GLUE.replace('wasm.__wbindgen_start();', 'wasm.__wbindgen_start(); wasm.__wbindgen_missing();');
    assert.throws(() => slimBindings(wasm, glue), /wasm\.__wbindgen_missing/);
  });

  it('refuses a glue whose stream adapters have another shape', () => {
    const glue = GLUE.replace('if (Symbol.dispose) IntoUnderlyingSink', 'if (Symbol.asyncDispose) IntoUnderlyingSink');
    assert.throws(() => slimBindings(wasm, glue), /IntoUnderlying/);
  });

  it('refuses a glue that names an import other than once', () => {
    const glue = GLUE.replace('const seen = [];', `const seen = []; const ${LOG} = 1;`);
    assert.throws(() => slimBindings(wasm, glue), /import __wbg_log/);
  });
});
