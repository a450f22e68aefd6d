#!/usr/bin/env node
// The ti-aides launcher: runs the compiled command line (npm ci builds it into dist/).
import { main } from "../dist/cli/main.js";

// A reader that stops early (`ti-aides --help | head -2`) closes the pipe: stop quietly.
for (const flux of [process.stdout, process.stderr]) {
  flux.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

await main(process.argv);
