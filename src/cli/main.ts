// voorrang <command>: dispatch to one file per command. Exit codes: 0 ok, 1 a check failed, 2 usage.
import { parseArgs } from 'node:util';
import type { Command } from './command.ts';

const commands: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.ts')).validate,
  evaluate: async () => (await import('./evaluate.ts')).evaluate,
  test: async () => (await import('./test.ts')).test,
  scenario: async () => (await import('./scenario.ts')).scenario,
  population: async () => (await import('./population.ts')).population,
  diff: async () => (await import('./diff.ts')).diff,
};

const help = `voorrang — de urgentieregeling als code

  voorrang validate [map]                      controleer de regelbestanden (standaard: rules/)
  voorrang evaluate --municipality GM0014 [--date YYYY-MM-DD] casus.yaml|json [--json] [--lang en]
  voorrang test [map]                          voer de YAML-tests naast de regelbestanden uit
  voorrang diff GM0014 [--against model|GM1966|JJJJ-MM-DD] [--date D] [--format md|json|html] [--lang en]
  voorrang scenario scenario.yaml (--population casussen.csv|.ndjson | --size N [--seed S]) [--format md|json|csv|html] [--out bestand]
  voorrang population --size N --seed S [--format csv|ndjson] [--out bestand]   synthetische populatie (10 Groningse gemeenten)
  voorrang serve [--port 8080] [--host 127.0.0.1]   start de API
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'serve') return (await import('./serve.ts')).serve(rest);
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stdout.write(help);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  const command = await load();
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\ngebruik: ${command.usage}\n`);
    return 2;
  }
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
}
