#!/usr/bin/env node
// The `charts` command. Each subcommand is one file under commands/; this file
// only wires options to them and turns errors into a message and an exit code.
process.env.TZ = "UTC"; // before any Date is made: output must not depend on the machine's zone

import { CommanderError } from "commander";
import { program } from "./program.ts";
import { report } from "./report.ts";

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
