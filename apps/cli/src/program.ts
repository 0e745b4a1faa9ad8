import { Command, Option } from "commander";
import { DEFAULT_SEED } from "@charts/render";
import { build } from "./commands/build.ts";
import { check } from "./commands/check.ts";
import { extract } from "./commands/extract.ts";
import { render } from "./commands/render.ts";

const textsOption = () =>
  new Option("--texts <dir>", "folder of source texts (default: charts.config.json, or CHARTS_TEXTS)");
const configOption = () => new Option("--config <file>", "project config (default: charts.config.json found from the current folder up)");
const seedOption = () =>
  new Option("--seed <n>", "seed of Vega's random numbers (random(), sample, bootstrapped CIs): the same seed renders the same bytes").default(String(DEFAULT_SEED));

/** The command line, with every command and option documented for `--help`. */
export function program(): Command {
  const cli = new Command("charts")
    .description("Turn news articles into publishable charts: texts -> datasets -> charts -> SVG/PNG -> publish folder")
    .showHelpAfterError()
    .addHelpText(
      "after",
      `
Examples:
  pnpm charts                       check every figure, then build every chart into dist/charts/
  pnpm charts check                 only check that the texts still say what the datasets claim
  pnpm charts extract ../shared/texts/004_e411960df6774cf9.txt
  pnpm charts render spec.vl.json -o chart.png --scale 2

Environment:
  CHARTS_TEXTS   folder of source texts, overriding charts.config.json`,
    );

  cli
    .command("build", { isDefault: true })
    .description("check the datasets against the texts, then build every chart (the default command)")
    .addOption(textsOption())
    .addOption(configOption())
    .option("--out <dir>", "publish folder (default: charts.config.json 'out', dist/charts)")
    .addOption(seedOption())
    .action((options) => build(options));

  cli
    .command("check")
    .description("re-read the texts and verify every dataset figure against the sentence it cites")
    .addOption(textsOption())
    .addOption(configOption())
    .action((options) => check(options));

  cli
    .command("extract")
    .description("list every figure a text states, with its sentence: the start of a new dataset")
    .argument("<file>", "a plain-text article")
    .option("--json", "print JSON instead of a table")
    .action((file, options) => extract(file, options));

  cli
    .command("render")
    .description("render a standalone Vega-Lite (.vl.json) or Vega (.vg.json) spec to .svg or .png")
    .argument("<spec>", "the spec file")
    .requiredOption("-o, --out <file>", "output file; its extension (.svg or .png) chooses the format")
    .option("--scale <n>", "PNG scale factor", "1")
    .option("--base <dir>", "the only folder data and images are read from; relative URLs resolve against it (default: the spec's folder)")
    .addOption(seedOption())
    .option("--no-links", "refuse links (href) on marks instead of keeping http(s) links")
    .action((spec, options) => render(spec, options));

  // `charts --help` lists every command's options too, not only the commands.
  cli.addHelpText("after", () => {
    const rows = cli.commands.flatMap((command) =>
      command.options.map((option) => `  ${`${command.name()} ${option.flags}`.padEnd(34)}${option.description}${option.defaultValue ? ` (default: ${option.defaultValue})` : ""}`),
    );
    return `\nOptions of each command (charts <command> --help shows one):\n${rows.join("\n")}`;
  });
  return cli;
}
