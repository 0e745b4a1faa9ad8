import { describe, expect, it } from "vitest";
import { program } from "../src/program.ts";

describe("program()", () => {
  it("has the build (default), check, lint, extract, merge and render commands, each with its options", () => {
    const cli = program();
    const commands = Object.fromEntries(cli.commands.map((c) => [c.name(), c.options.map((o) => o.long)]));
    expect(Object.keys(commands).sort()).toEqual(["build", "check", "extract", "lint", "merge", "render"]);
    expect(commands.build).toEqual(["--texts", "--config", "--out", "--allow-unchecked", "--seed", "--force", "--shard", "--now"]);
    expect(commands.check).toEqual(["--texts", "--config"]);
    expect(commands.lint).toEqual(["--config", "--json", "--seed"]);
    expect(commands.extract).toEqual(["--json", "--dataset", "--pick", "--texts", "--config"]);
    expect(commands.merge).toEqual(["--out", "--config", "--now"]);
    expect(commands.render).toEqual(["--out", "--format", "--scale", "--base", "--seed", "--now", "--no-links", "--config"]);
  });

  it("lists every command's options in the top-level --help", () => {
    const cli = program();
    let help = "";
    cli.configureOutput({ writeOut: (text) => (help += text) });
    cli.outputHelp();
    for (const command of cli.commands) {
      for (const option of command.options) expect(help, `${command.name()} ${option.flags}`).toContain(`${command.name()} ${option.flags}`);
    }
  });

  it("documents every option in --help", () => {
    for (const command of program().commands) {
      for (const option of command.options) expect(option.description.length, `${command.name()} ${option.long}`).toBeGreaterThan(10);
    }
  });
});
