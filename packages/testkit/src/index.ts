// @charts/testkit: what the tests of several packages need alike, in one place.
//   launchChromium   Debian's headless Chromium through playwright-core, offline, with a reader's fonts
//   freePort         a port on 127.0.0.1 nothing listens on
export { CHROMIUM, CHROMIUM_FLAGS, launchChromium } from "./launchChromium.ts";
export { freePort } from "./freePort.ts";
