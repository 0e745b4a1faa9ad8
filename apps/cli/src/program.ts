import { Command, Option } from "commander";
import { DEFAULT_SEED } from "@charts/render/seed";
import cliPackage from "../package.json" with { type: "json" };

// Each command's module is imported when it runs: `charts --help` and a build with nothing to do load no stage.

const textsOption = () =>
  new Option("--texts <dir>", "folder of source texts (default: charts.config.json, or CHARTS_TEXTS)");
const configOption = () => new Option("--config <file>", "project config (default: charts.config.json found from the current folder up)");
const nowOption = (what = "the manifest's clock and now() in chart expressions") =>
  new Option("--now <iso>", `${what}, e.g. 2024-06-20T08:00:00Z (default: SOURCE_DATE_EPOCH, else now): the same inputs and clock publish the same bytes`);
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
  pnpm charts render specs/ -o out/ --format png          every spec of a folder, in one process
  pnpm charts --shard 2/4 --out shard-2                   one part of the charts, for charts merge
  pnpm charts merge shard-1 shard-2 shard-3 shard-4       the parts published as one release

Environment:
  CHARTS_TEXTS        folder of source texts, overriding charts.config.json
  SOURCE_DATE_EPOCH   the build's clock, in seconds (as --now): the same inputs and clock publish the same bytes
  CHARTS_WORKERS      render threads of the build (default: the cores this process may use)
  CHARTS_PROGRESS     "lines" prints a line per chart even on a terminal (default there: a live bar)

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
    .option("--force", "render every chart, even those whose inputs are as published, and publish even when nothing changed")
    .option("--shard <i/n>", "render the i-th of n parts of the charts (by name) into a staging folder (--out) for charts merge")
    .addOption(nowOption())
    .action(async (options) => (await import("./commands/build.ts")).build(options));

  cli
    .command("check")
    .description("re-read the texts and verify every dataset figure against the sentence it cites")
    .addOption(textsOption())
    .addOption(configOption())
    .action(async (options) => (await import("./commands/check.ts")).check(options));

  cli
    .command("lint")
    .description("build every chart (or those named) in memory, at every width, light and dark, and check it against the house rules; publishes nothing")
    .argument("[charts...]", "slugs of the charts to lint (default: every chart)")
    .addOption(configOption())
    .option("--json", "print the findings as JSON instead of a table")
    .addOption(seedOption())
    .action(async (charts, options) => (await import("./commands/lint.ts")).lint(charts, options));

  cli
    .command("extract")
    .description("list every figure a text states, numbered, with its sentence; --dataset with --pick writes a starter dataset")
    .argument("<text>", "a plain-text article, or the id of a text in the texts folder (004_e411960df6774cf9)")
    .option("--json", "print JSON instead of a table")
    .option("--dataset <name>", "write datasets/<name>/ (dataset.json, data.csv) from the figures picked; never overwrites")
    .option("--pick <numbers>", "figure numbers as printed, such as 3,5,8")
    .addOption(textsOption())
    .addOption(configOption())
    .action(async (text, options) => (await import("./commands/extract.ts")).extract(text, options));

  cli
    .command("merge")
    .description("publish the staging folders of a build split with --shard as one release, byte for byte a single build's")
    .argument("<dirs...>", "the shards' staging folders (every part of one build, each once)")
    .option("--out <dir>", "publish folder (default: charts.config.json 'out', dist/charts)")
    .addOption(configOption())
    .addOption(nowOption("the manifest's clock"))
    .action(async (dirs, options) => (await import("./commands/merge.ts")).merge(dirs, options));

  cli
    .command("render")
    .description("render standalone Vega-Lite (.vl.json) or Vega (.vg.json) specs to .svg or .png; several (or a folder) in one process")
    .argument("<specs...>", "a spec file; several, or a folder of *.vl.json and *.vg.json, to render them all into the folder -o names")
    .requiredOption("-o, --out <path>", "output file, whose extension (.svg or .png) chooses the format; a folder for several specs")
    .option("--format <svg|png>", "format of several specs' outputs (default svg; one spec's comes from -o)")
    .option("--scale <n>", "pixels per CSS px of a PNG output (default 1; refused for .svg)")
    .option("--base <dir>", "the only folder data and images are read from; relative URLs resolve against it (default: the spec's folder)")
    .addOption(seedOption())
    .addOption(nowOption("what now() returns in expressions"))
    .option("--no-links", "refuse links (href) on marks instead of keeping http(s) links")
    .option("--config <file>", "project config whose limits (and cache folder) apply (default: charts.config.json found from the current folder up, else the default limits)")
    .action(async (specs, options) => (await import("./commands/render.ts")).render(specs, options));

  // `charts --help` lists every command's options too, not only the commands.
  cli.addHelpText("after", () => {
    const rows = cli.commands.flatMap((command) =>
      command.options.map((option) => `  ${`${command.name()} ${option.flags}`.padEnd(34)}${option.description}${option.defaultValue ? ` (default: ${option.defaultValue})` : ""}`),
    );
    return `\nOptions of each command (charts <command> --help shows one):\n${rows.join("\n")}`;
  });
  return cli;
}
