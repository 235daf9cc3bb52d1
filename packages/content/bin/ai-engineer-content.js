#!/usr/bin/env node
// The checker is built from src/cli.ts into dist/cli.js. This file exists before any build,
// so package managers can link the bin in a fresh clone of the workspace.
import module from 'node:module'

// Node.js keeps the compiled code of the modules on disk, so the next run starts sooner
// (NODE_COMPILE_CACHE chooses the folder, NODE_DISABLE_COMPILE_CACHE=1 turns it off).
module.enableCompileCache?.()
await import('../dist/cli.js')
