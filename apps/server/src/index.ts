// The chart service: a publish folder -> the current release (resolved per
// request) -> HTTP with content-hash ETags and cache headers for the CMS.
// `src/main.ts` is the `pnpm serve` command.
export { createServer, type ServerOptions } from "./createServer.ts";
export { openPublishFolder, type PublishFolder, type Release, type Resource } from "./publishFolder.ts";
