/** A small argument parser shared by the CLI commands: `--name value`, `--name=value`, flags, positionals. */
export interface ParsedOptions {
  positional: string[];
  values: Record<string, string>;
  help: boolean;
  error?: string;
}

/** Short names for options (`-o` for `--output`) and options that take no value (set to 'true'). */
export interface OptionExtras {
  aliases?: Record<string, string>;
  flags?: string[];
}

/**
 * `choices` lists the options that take a value; a non-empty array restricts the value to those
 * choices, an empty array accepts any value.
 */
export function parseOptions(argv: string[], choices: Record<string, string[]>, extras: OptionExtras = {}): ParsedOptions {
  const result: ParsedOptions = { positional: [], values: {}, help: false };
  for (let i = 0; i < argv.length; i++) {
    const alias = extras.aliases?.[argv[i]];
    const arg = alias ? `--${alias}` : argv[i];
    if (arg === '--') {
      result.positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      result.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') return { ...result, error: `unknown option ${arg}` };
      result.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (extras.flags?.includes(name) && eq < 0) {
      result.values[name] = 'true';
      continue;
    }
    if (!(name in choices)) return { ...result, error: `unknown option --${name}` };
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) return { ...result, error: `--${name} needs a value` };
    const allowed = choices[name];
    if (allowed.length > 0 && !allowed.includes(value)) return { ...result, error: `--${name} must be one of ${allowed.join(', ')} (got ${value})` };
    result.values[name] = value;
  }
  return result;
}
