// The browser tests open SVGs, snippets and pages in Debian's Chromium (no
// browser download), headless and offline: without the background-networking
// flags Chromium tries Google's hosts at every start and this machine's closed
// network refuses them. A missing Chromium fails the suite, never skips it.
import { existsSync } from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const CHROMIUM = "/usr/bin/chromium";

/** Headless, sandbox-free as root, and nothing that phones home. */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches Debian's Chromium for a test. By default it sees the machine's
 * fonts as a reader's browser would, not the render's fonts.conf (a render
 * sets FONTCONFIG_FILE for sharp): only what an SVG embeds counts.
 *
 * @example const browser = await launchChromium({ args: ["--disable-features=LocalNetworkAccessChecks"] })
 */
export async function launchChromium(options: { args?: string[]; renderFonts?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests`);
  }
  const { FONTCONFIG_FILE: _, ...readerEnv } = process.env;
  const launch: LaunchOptions = {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
    env: options.renderFonts ? { ...process.env } : readerEnv,
  };
  return chromium.launch(launch);
}
