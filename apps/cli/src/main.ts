#!/usr/bin/env node
// The `charts` command. Each subcommand is one file under commands/; this file
// only wires options to them and turns errors into a message and an exit code.
import { enableCompileCache } from "node:module";
import { availableParallelism } from "node:os";

process.env.TZ = "UTC"; // before any Date is made: output must not depend on the machine's zone
// Node.js keeps the compiled code of the modules it loads (its own cache in the temp folder, keyed by
// content), so a second run skips parsing and type-stripping; the render workers inherit it.
enableCompileCache?.();
// sharp runs in libuv's thread pool, shared by the render workers: one thread per core (libuv's default is 4).
process.env.UV_THREADPOOL_SIZE ??= String(availableParallelism());

const { CommanderError } = await import("commander");
const { program } = await import("./program.ts");
const { report } = await import("./report.ts");

try {
  await program().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander printed the message (or the help, or the version) already
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    report(error);
    process.exitCode = 1;
  }
}
