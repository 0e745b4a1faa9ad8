// Preloaded by every root script (`node --import ./apps/cli/bin/requireNode.mjs ...`),
// in plain JavaScript so that any Node.js can read it: the tool is TypeScript
// run by Node's type stripping (Node 22.18 and later; the project targets Node
// 24, the current LTS). On an older Node, loading a .ts file fails with
// "Unknown file extension .ts"; this says what to install instead.
// Exit code 2: the command could not run at all.

/**
 * Why a Node.js version cannot run the tool, or undefined when it can.
 * @param {string} version as process.versions.node gives it, e.g. "20.20.2"
 * @returns {string | undefined}
 */
export function unsupportedNode(version) {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major > 22 || (major === 22 && minor >= 18)) return undefined;
  return (
    `this project needs Node.js 24 (the current LTS; 22.18 at the oldest, which runs TypeScript natively) ` +
    `but this is Node.js ${version}. Install Node 24 (\`npm install -g node@24\`, or nvm), ` +
    `or run .ci/run, which brings Node 24 and pnpm into .tools/.`
  );
}

const problem = unsupportedNode(process.versions.node);
if (problem) {
  console.error(`error: ${problem}`);
  process.exit(2);
}
