import sharp from "sharp";
const dir = "/work/main/dist/charts/";
for (const c of ["russia-arms-transfers", "russia-vietnam-trade", "russian-tourists-vietnam", "vietnam-trade-by-partner"]) {
  const names = [`${c}-320.png`, `${c}-320-dark.png`, `${c}-dark.png`, `${c}-1000.png`];
  const metas = await Promise.all(names.map((n) => sharp(dir + n).metadata()));
  const width = metas.reduce((a, m) => a + m.width + 10, 0), height = Math.max(...metas.map((m) => m.height));
  let left = 0; const composite = [];
  for (const [i, n] of names.entries()) { composite.push({ input: dir + n, left, top: 0 }); left += metas[i].width + 10; }
  await sharp({ create: { width, height, channels: 3, background: "#888" } }).composite(composite).png().toFile(`/tmp/sheet-${c}.png`);
}
