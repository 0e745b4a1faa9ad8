// Writes .charts-inputs/texts.sha256: the hash of every file of the texts
// folder the build reads (CHARTS_TEXTS, else charts.config.json's `texts`),
// by name and content. turbo hashes only files inside the repository, and the
// texts live beside it (../shared/texts) or anywhere CHARTS_TEXTS says; this
// file, written before turbo starts (`pnpm build`), is how the cached `charts`
// task's hash covers them. Plain JavaScript, no dependency: it runs before
// anything else.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "../../..");
const config = JSON.parse(readFileSync(join(root, "charts.config.json"), "utf8"));
const texts = resolve(process.env.CHARTS_TEXTS || resolve(root, config.texts));
const hash = createHash("sha256");
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else hash.update(`${path.slice(texts.length + 1)}\0`).update(readFileSync(path)).update("\0");
  }
};
if (existsSync(texts)) walk(texts);
else hash.update("no texts");
mkdirSync(join(root, ".charts-inputs"), { recursive: true });
writeFileSync(join(root, ".charts-inputs/texts.sha256"), `${hash.digest("hex")}\n`);
