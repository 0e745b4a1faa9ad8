import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { freePort, launchChromium } from "../src/index.ts";

describe("launchChromium()", () => {
  it("opens a page headless and renders it", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent("<p id=x>ok</p>");
      expect(await page.textContent("#x")).toBe("ok");
    } finally {
      await browser.close();
    }
  });
});

describe("freePort()", () => {
  it("gives a port a server can then listen on", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
    await new Promise((resolve) => server.close(resolve));
  });
});
