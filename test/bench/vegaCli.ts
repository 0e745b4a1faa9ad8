// vega-cli for the build benchmark: Vega's own command-line renderer, a
// process per call, as a desk without this project would script it. It needs
// node-canvas, which must never share a process (or the pnpm workspace) with
// sharp, so it lives in test/bench/vega-cli/ with its own package.json and
// lockfile, installed there on demand with npm (node_modules git-ignored).
// node-canvas builds from source with node-gyp when its prebuilt binary cannot
// be downloaded; that needs Debian's build tools and cairo/pango headers,
// installed with apt-get when missing and the benchmark runs as root.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { measure, type Measurement } from "./measure.ts";

export const vegaCliDir = fileURLToPath(new URL("./vega-cli/", import.meta.url));
const bin = (name: string) => join(vegaCliDir, "node_modules/vega-lite/bin", name);
const canvasBinary = join(vegaCliDir, "node_modules/canvas/build/Release/canvas.node");
/** What node-canvas's build from source needs (its README's list for Debian). */
const DEBIAN_PACKAGES = ["build-essential", "libcairo2-dev", "libpango1.0-dev", "libjpeg-dev", "libgif-dev", "librsvg2-dev"];

/** Installs vega-cli into test/bench/vega-cli/ unless it is there; returns the versions installed. */
export function ensureVegaCli(log: (line: string) => void): Record<string, string> {
  if (!installed()) {
    installDebianPackages(log);
    log(`vega-cli: npm install --prefix ${vegaCliDir} (node-canvas may build from source: a few minutes)`);
    // The same Node.js first on PATH, so node-gyp builds node-canvas for the node that will run it.
    const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}` };
    const run = spawnSync("npm", ["install", "--prefix", vegaCliDir, "--no-audit", "--no-fund"], {
      env,
      stdio: ["ignore", process.stderr, process.stderr],
    });
    if (run.status !== 0 || !installed()) {
      throw new Error(`npm install --prefix ${vegaCliDir} failed (${run.error?.message ?? `exit ${run.status}`}); see its output above`);
    }
  }
  const version = (name: string) =>
    (JSON.parse(readFileSync(join(vegaCliDir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return { "vega-cli": version("vega-cli"), "vega-lite": version("vega-lite"), vega: version("vega"), canvas: version("canvas") };
}

function installed(): boolean {
  return existsSync(bin("vl2svg")) && existsSync(bin("vl2png")) && existsSync(canvasBinary);
}

function installDebianPackages(log: (line: string) => void): void {
  const query = spawnSync("dpkg-query", ["-W", "-f=${Package} ${db:Status-Abbrev}\\n", ...DEBIAN_PACKAGES], { encoding: "utf8" });
  if (query.error) return; // not Debian: let npm try, and say what failed if it does
  const present = new Set(
    query.stdout
      .split("\n")
      .filter((line) => /\sii\s*$/.test(line))
      .map((line) => line.split(/[\s:]/)[0]),
  );
  const missing = DEBIAN_PACKAGES.filter((name) => !present.has(name));
  if (!missing.length) return;
  const command = `apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`vega-cli's node-canvas builds from source and needs Debian packages that are missing; run: sudo ${command}`);
  }
  log(`vega-cli: ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { env, stdio: ["ignore", process.stderr, process.stderr] });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], {
    env,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  if (update.status !== 0 || install.status !== 0) throw new Error(`${command} failed; see its output above`);
}

/**
 * Renders each `<output>.vl.json` of `specsDir` named in `outputs` (every
 * variant of the sampled charts) into `outDir` with vega-cli, a process per
 * call: `vl2svg`, `vl2png` and `vl2png -s 2`. Returns the calls' wall time
 * (one after another), CPU time (summed) and largest peak RSS.
 */
export async function runVegaCli(
  specsDir: string,
  outDir: string,
  outputs: string[],
  onOutput?: (done: number) => void,
): Promise<Measurement> {
  const total: Measurement = {
    wallMs: 0,
    cpuMs: 0,
    userMs: 0,
    systemMs: 0,
    peakRssKb: 0,
    peakRssAllKb: 0,
    processes: 0,
    stdout: "",
    stderr: "",
  };
  mkdirSync(outDir, { recursive: true });
  for (const [i, slug] of outputs.entries()) {
    const spec = join(specsDir, `${slug}.vl.json`);
    const calls = [
      [bin("vl2svg"), spec, join(outDir, `${slug}.svg`)],
      [bin("vl2png"), spec, join(outDir, `${slug}.png`)],
      [bin("vl2png"), "-s", "2", spec, join(outDir, `${slug}@2x.png`)],
    ];
    for (const args of calls) {
      const call = await measure(process.execPath, args, { cwd: vegaCliDir });
      const out = args.at(-1)!;
      if (!existsSync(out) || statSync(out).size === 0) throw new Error(`vega-cli wrote nothing to ${out}\n${call.stderr}`);
      total.wallMs += call.wallMs;
      total.cpuMs += call.cpuMs;
      total.userMs += call.userMs;
      total.systemMs += call.systemMs;
      total.peakRssKb = Math.max(total.peakRssKb, call.peakRssKb);
      total.peakRssAllKb = Math.max(total.peakRssAllKb, call.peakRssAllKb);
      total.processes += call.processes;
      total.stderr += call.stderr;
    }
    onOutput?.(i + 1);
  }
  return total;
}
