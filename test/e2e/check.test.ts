import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { charts, editedTexts, root, scratchProject, textsDir } from "./cli.ts";

const edit = JSON.parse(readFileSync(join(root, "test/fixtures/edited-figure.json"), "utf8"));

describe("charts check", () => {
  beforeAll(() => {
    if (!existsSync(textsDir)) throw new Error(`the source texts are needed at ${textsDir} (set CHARTS_TEXTS)`);
  });

  it("passes on the real texts: every dataset figure is found in its sentence", async () => {
    const run = await charts(["check"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^All \d+ figures match the texts in /m);
    expect(run.stdout).toContain("✓ russia-arms-transfers: 2 of 2 figures found in their texts");
  });

  it("fails on a text whose figure was edited, naming the dataset, row, text and figure", async () => {
    const texts = editedTexts(edit);
    const run = await charts(["check", "--texts", texts]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("✗ russia-arms-transfers");
    const line = run.stderr.split("\n").find((l) => l.includes(edit.from));
    expect(line).toBeDefined();
    expect(line).toContain("datasets/russia-arms-transfers/data.csv");
    expect(line).toContain("row 2");
    expect(line).toContain(edit.text);
    expect(run.stdout).toMatch(/1 figure does not match the texts/);
  });

  it("honours CHARTS_TEXTS, and says where it looked when the texts are missing", async () => {
    const run = await charts(["check"], { CHARTS_TEXTS: "/nonexistent/texts" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the source texts are not at /nonexistent/texts");
  });
});

describe("charts extract", () => {
  it("lists the figures of a real text with their sentences, and none of its page junk", async () => {
    const run = await charts(["extract", join(textsDir, "004_e411960df6774cf9.txt"), "--json"]);
    expect(run.code).toBe(0);
    const figures = JSON.parse(run.stdout) as Array<{ text: string; kind: string; value: number; unit: string; sentence: string }>;
    const arms = figures.find((f) => f.text === "US$72 million");
    expect(arms).toMatchObject({ kind: "money", value: 72e6, unit: "USD" });
    expect(arms?.sentence).toContain("2022");
    expect(figures.some((f) => f.text.includes("19 per cent"))).toBe(true);
    const ads = await charts(["extract", join(textsDir, "003_bc5e783d78f7d3ba.txt"), "--json"]);
    expect(JSON.parse(ads.stdout).some((f: { text: string }) => f.text.includes("3,000"))).toBe(false);
  });

  it("names the file it cannot read", async () => {
    const run = await charts(["extract", "/nonexistent/article.txt"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("/nonexistent/article.txt");
  });

  it("takes a text id, numbers the figures and reads no publisher's name as one", async () => {
    const run = await charts(["extract", "000_ad8db7c2e45fb77c"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/#\d+ +money +"3\.5 billion dollars" += 3500000000 USD/);
    expect(run.stdout).not.toMatch(/"20 minutes"/i);
    const unknown = await charts(["extract", "999_nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('text: expected a file, or the id of a text in');
  });

  it("writes a starter dataset from picked figures that charts check verifies, and never overwrites one", async () => {
    const project = scratchProject();
    const listed = JSON.parse((await charts(["extract", "004_e411960df6774cf9", "--json", "--config", project.configFile])).stdout) as Array<{ number: number; text: string }>;
    const numbers = ["US$3.6 billion", "US$171 billion", "around US$1 billion", "US$72 million"].map((text) => listed.find((f) => f.text === text)!.number);
    const pick = ["extract", "004_e411960df6774cf9", "--config", project.configFile, "--dataset", "trade-starter", "--pick", numbers.join(",")];
    const run = await charts(pick);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("wrote datasets/trade-starter/dataset.json and datasets/trade-starter/data.csv: 4 rows in USD million");
    const csv = readFileSync(join(project.dir, "datasets/trade-starter/data.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe("label,year,value,source,figure,status,context,formula,note");
    expect(csv).toContain(",3600,004_e411960df6774cf9,US$3.6 billion,stated,");
    const check = await charts(["check", "--config", project.configFile]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("✓ trade-starter: 4 of 4 figures found in their texts");
    const again = await charts(pick);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(message.datasetExists("trade-starter"));
  });

  it("writes dates picked as an ISO date column, which charts check verifies against the text's date", async () => {
    const project = scratchProject();
    const listed = JSON.parse((await charts(["extract", "000_ad8db7c2e45fb77c", "--json", "--config", project.configFile])).stdout) as Array<{ number: number; kind: string; date?: string }>;
    const day = listed.find((f) => f.kind === "date" && f.date === "2024-06-20")!;
    const run = await charts(["extract", "000_ad8db7c2e45fb77c", "--config", project.configFile, "--dataset", "visit-dates", "--pick", String(day.number)]);
    expect(run.stderr).toBe("");
    const meta = JSON.parse(readFileSync(join(project.dir, "datasets/visit-dates/dataset.json"), "utf8"));
    expect(meta.columns.find((c: { name: string }) => c.name === "value")).toMatchObject({ type: "date" });
    expect(readFileSync(join(project.dir, "datasets/visit-dates/data.csv"), "utf8")).toContain(",2024-06-20,000_ad8db7c2e45fb77c,");
    const check = await charts(["check", "--config", project.configFile]);
    expect(check.stdout).toContain("✓ visit-dates: 1 of 1 figures found in their texts");
  });
});
