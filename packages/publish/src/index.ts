// The publish stage: rendered charts -> an immutable release directory
// (hashed + stable files, embed snippets, data tables, manifest.json) -> one atomic swap of
// the publish folder's symlink. Readers (the server, the CMS) see one whole
// release at a time.
//
//   previousRelease   what the folder points at now, as far as it checks out
//   openRelease       a release published as the build goes: add / reuse / addOutput / fail, then finish
//                     (manifest, swap, prune); memory flat in the number of charts
//   prepareChart      a rendered chart -> its files and the history-free part of its entry (ChartOutput)
//   staging           a shard's charts on disk (charts --shard), merged into one release (charts merge)
//   publish           a build held in memory: openRelease with every chart, then finish
//   pruneReleases     remove unfinished and old releases (keep, grace period)
//   verifyRelease     check a release's files against its manifest
export { publish, type PublishOptions } from "./publish.ts";
export { openRelease, type Release, type ReleaseOptions, type PublishResult, type PublishStep } from "./openRelease.ts";
export { openStaging, readStaging, STAGING, type OpenStaging, type Staging, type StagingOptions } from "./staging.ts";
export { previousRelease, type PreviousRelease, type TrustedRelease } from "./previousRelease.ts";
export { pruneReleases, type PruneOptions } from "./pruneReleases.ts";
export { embedSnippet, escapeHtml, type EmbedInput } from "./embedSnippet.ts";
export { tableCsv } from "./tableCsv.ts";
export { tableHtml } from "./tableHtml.ts";
export {
  chartFiles,
  currentFiles,
  currentRelease,
  damagedFiles,
  type FileStat,
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
