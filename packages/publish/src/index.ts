// The publish stage: rendered charts -> an immutable release directory
// (hashed + stable files, embed snippets, data tables, manifest.json) -> one atomic swap of
// the publish folder's symlink. Readers (the server, the CMS) see one whole
// release at a time.
//
//   previousRelease   what the folder points at now, as far as it checks out
//   publish           prepare the new release, swap, prune
//   pruneReleases     remove unfinished and old releases (keep, grace period)
//   verifyRelease     check a release's files against its manifest
export { publish, type PublishOptions, type PublishResult, type PublishStep } from "./publish.ts";
export { previousRelease, type PreviousRelease } from "./previousRelease.ts";
export { pruneReleases, type PruneOptions } from "./pruneReleases.ts";
export { embedSnippet, escapeHtml, type EmbedInput } from "./embedSnippet.ts";
export { tableCsv } from "./tableCsv.ts";
export { tableHtml } from "./tableHtml.ts";
export {
  chartFiles,
  currentFiles,
  currentRelease,
  damagedFiles,
  listedFiles,
  MANIFEST,
  readManifest,
  RELEASE_NAME,
  releaseLink,
  releaseNames,
  releasesDir,
  SCHEMA,
  swapTo,
  verifyRelease,
} from "./release.ts";
export { validateManifest } from "./validateManifest.ts";
export { FILE_NAME, hashedName, SLUG, stableName } from "./fileNames.ts";
export { sha256, shortHash } from "./hash.ts";
export type * from "./types.ts";
