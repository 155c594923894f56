// The benches' command-line options, read by Node's own parser (util.parseArgs): every bench
// takes `--name N` and `--name=N` alike, answers --help, and says the same about a bad option.
import { parseArgs } from 'node:util';

/**
 * Reads `argv` as `spec` describes it: `{ name: { type, default } }`, where `type` is 'string',
 * 'boolean', or 'count' (a positive integer). Prints `usage` and exits on --help (0) or on a bad
 * option (2). Returns `{ values, positionals }`.
 */
export function readOptions(argv, spec, usage, { allowPositionals = false } = {}) {
  const options = { help: { type: 'boolean', short: 'h' } };
  for (const [name, { type }] of Object.entries(spec)) {
    options[name] = { type: type === 'count' ? 'string' : type };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals });
  } catch (error) {
    quit(usage, error.message);
  }
  if (parsed.values.help) quit(usage);
  const values = {};
  for (const [name, { type, default: fallback }] of Object.entries(spec)) {
    const raw = parsed.values[name];
    values[name] = raw === undefined ? fallback : raw;
    if (type === 'count' && raw !== undefined) {
      values[name] = Number(raw);
      if (!Number.isInteger(values[name]) || values[name] < 1) quit(usage, `--${name} needs a positive integer, got ${raw}`);
    }
  }
  return { values, positionals: parsed.positionals };
}

function quit(usage, problem) {
  if (problem) console.error(problem);
  console.error(`Usage: ${usage}`);
  process.exit(problem ? 2 : 0);
}
