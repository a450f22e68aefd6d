#!/usr/bin/env node
// The ti-aides launcher: runs the compiled command line (npm ci builds it into dist/).
import { main } from "../dist/cli/main.js";

await main(process.argv);
