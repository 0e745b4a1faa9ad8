// The publish stage: rendered charts -> an immutable release directory
// (hashed + stable files, embed snippets, manifest.json) -> one atomic swap of
// the publish folder's symlink. Readers (the server, the CMS) see one whole
// release at a time.
export { publish, type PublishOptions, type PublishResult, type PublishStep } from "./publish.ts";
export { embedSnippet, escapeHtml, type EmbedInput } from "./embedSnippet.ts";
export {
  currentFiles,
  currentRelease,
  listedFiles,
  MANIFEST,
  pruneReleases,
  readManifest,
  releasesDir,
  SCHEMA,
  swapTo,
  verifyRelease,
} from "./release.ts";
export { FILE_NAME, hashedName, SLUG, stableName } from "./fileNames.ts";
export { sha256, shortHash } from "./hash.ts";
export type * from "./types.ts";
