#!/usr/bin/env node
// The checker is built from src/cli.ts into dist/cli.js. This file exists before any build,
// so package managers can link the bin in a fresh clone of the workspace.
import '../dist/cli.js'
