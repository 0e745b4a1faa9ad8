// Runs the real `charts` command in a child process, as a desk would.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const config = JSON.parse(readFileSync(join(root, "charts.config.json"), "utf8"));
/** The real texts: CHARTS_TEXTS if set, else the folder charts.config.json names. */
export const textsDir = resolve(process.env.CHARTS_TEXTS ?? resolve(root, config.texts));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function charts(args: string[], env: Record<string, string | undefined> = {}, nodeArgs: string[] = []): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ["--disable-warning=ExperimentalWarning", ...nodeArgs, join(root, "apps/cli/src/main.ts"), ...args],
      { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** A scratch project: the repo's datasets and charts (copied, so tests may break them) and a fresh output folder. */
export function scratchProject(options: { texts?: string } = {}): { dir: string; configFile: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "charts-e2e-"));
  cpSync(join(root, "datasets"), join(dir, "datasets"), { recursive: true });
  cpSync(join(root, "charts"), join(dir, "charts"), { recursive: true });
  const configFile = join(dir, "charts.config.json");
  writeFileSync(
    configFile,
    JSON.stringify({
      texts: options.texts ?? textsDir,
      datasets: "datasets",
      sources: "datasets/sources.json",
      charts: "charts",
      out: "out/charts",
    }),
  );
  return { dir, configFile, out: join(dir, "out/charts") };
}

/** A copy of the texts with one figure edited, as the fixture describes: no source sentence is stored in the repo. */
export function editedTexts(edit: { text: string; from: string; to: string }): string {
  const dir = mkdtempSync(join(tmpdir(), "charts-texts-"));
  cpSync(textsDir, dir, { recursive: true });
  const file = join(dir, `${edit.text}.txt`);
  const original = readFileSync(file, "utf8");
  if (!original.includes(edit.from)) throw new Error(`fixture: ${edit.text} does not contain ${JSON.stringify(edit.from)}`);
  writeFileSync(file, original.replace(edit.from, edit.to));
  return dir;
}
