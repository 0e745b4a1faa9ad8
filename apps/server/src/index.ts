// The chart service: a publish folder -> the current release (resolved per
// request) -> HTTP with content-hash ETags, conditional and range requests,
// cache and security headers for the CMS. `src/main.ts` is the `pnpm serve` command.
export { createServer, DEFAULT_TIMEOUTS, type ServerOptions } from "./createServer.ts";
export { DrainingServer } from "./DrainingServer.ts";
export type { Timeouts } from "./httpServer.ts";
export { lastModifiedOf, openPublishFolder, type PublishFolder, type Release, type Resource } from "./publishFolder.ts";
