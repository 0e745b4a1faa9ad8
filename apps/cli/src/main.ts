#!/usr/bin/env node
// The `charts` command. Each subcommand is one file under commands/; this file
// only wires options to them and turns errors into a message and an exit code.
process.env.TZ = "UTC"; // before any Date is made: output must not depend on the machine's zone

import { program } from "./program.ts";
import { report } from "./report.ts";

try {
  await program().parseAsync(process.argv);
} catch (error) {
  report(error);
  process.exitCode = 1;
}
