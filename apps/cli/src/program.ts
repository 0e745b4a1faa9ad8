import { Command, Option } from "commander";
import { DEFAULT_SEED } from "@charts/render";
import { build } from "./commands/build.ts";
import { check } from "./commands/check.ts";
import { extract } from "./commands/extract.ts";
import { lint } from "./commands/lint.ts";
import { render } from "./commands/render.ts";
import cliPackage from "../package.json" with { type: "json" };

const textsOption = () =>
  new Option("--texts <dir>", "folder of source texts (default: charts.config.json, or CHARTS_TEXTS)");
const configOption = () => new Option("--config <file>", "project config (default: charts.config.json found from the current folder up)");
const seedOption = () =>
  new Option("--seed <n>", "seed of Vega's random numbers (random(), sample, bootstrapped CIs): the same seed renders the same bytes").default(String(DEFAULT_SEED));

/** The command line, with every command and option documented for `--help`. */
export function program(): Command {
  const cli = new Command("charts")
    .description("Turn news articles into publishable charts: texts -> datasets -> charts -> SVG/PNG -> publish folder")
    .version(cliPackage.version, "-V, --version", "print the tool's version")
    // throw instead of exiting, here and in every command added below (they inherit it): main.ts maps usage errors to exit 2
    .exitOverride()
    .showHelpAfterError()
    .addHelpText(
      "after",
      `
Examples:
  pnpm charts                       check every figure, then build every chart into dist/charts/
  pnpm charts check                 only check that the texts still say what the datasets claim
  pnpm charts lint                  build every chart in memory and check it against the house rules
  pnpm charts extract 004_e411960df6774cf9
  pnpm charts extract 004_e411960df6774cf9 --dataset russia-trade-2023 --pick 2,3
  pnpm charts render spec.vl.json -o chart.png --scale 2

Environment:
  CHARTS_TEXTS   folder of source texts, overriding charts.config.json

Exit codes:
  0  everything built (or checked)      1  a chart failed (a lint error too), or an error
  2  the command could not run (usage, Node version)
  3  built without checking the figures against the texts (see --allow-unchecked)`,
    );

  cli
    .command("build", { isDefault: true })
    .description("check the datasets against the texts, then build every chart (the default command)")
    .addOption(textsOption())
    .addOption(configOption())
    .option("--out <dir>", "publish folder (default: charts.config.json 'out', dist/charts)")
    .option("--allow-unchecked", "publish even when the texts are missing and no figure could be checked (exit 0, not 3)")
    .addOption(seedOption())
    .action((options) => build(options));

  cli
    .command("check")
    .description("re-read the texts and verify every dataset figure against the sentence it cites")
    .addOption(textsOption())
    .addOption(configOption())
    .action((options) => check(options));

  cli
    .command("lint")
    .description("build every chart (or those named) in memory, at every width, light and dark, and check it against the house rules; publishes nothing")
    .argument("[charts...]", "slugs of the charts to lint (default: every chart)")
    .addOption(configOption())
    .option("--json", "print the findings as JSON instead of a table")
    .addOption(seedOption())
    .action((charts, options) => lint(charts, options));

  cli
    .command("extract")
    .description("list every figure a text states, numbered, with its sentence; --dataset with --pick writes a starter dataset")
    .argument("<text>", "a plain-text article, or the id of a text in the texts folder (004_e411960df6774cf9)")
    .option("--json", "print JSON instead of a table")
    .option("--dataset <name>", "write datasets/<name>/ (dataset.json, data.csv) from the figures picked; never overwrites")
    .option("--pick <numbers>", "figure numbers as printed, such as 3,5,8")
    .addOption(textsOption())
    .addOption(configOption())
    .action((text, options) => extract(text, options));

  cli
    .command("render")
    .description("render a standalone Vega-Lite (.vl.json) or Vega (.vg.json) spec to .svg or .png")
    .argument("<spec>", "the spec file")
    .requiredOption("-o, --out <file>", "output file; its extension (.svg or .png) chooses the format")
    .option("--scale <n>", "pixels per CSS px of a PNG output (default 1; refused for .svg)")
    .option("--base <dir>", "the only folder data and images are read from; relative URLs resolve against it (default: the spec's folder)")
    .addOption(seedOption())
    .option("--no-links", "refuse links (href) on marks instead of keeping http(s) links")
    .option("--config <file>", "project config whose limits apply (default: charts.config.json found from the current folder up, else the default limits)")
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
