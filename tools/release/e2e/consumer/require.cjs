// A user's CommonJS script: require() of the ESM-only package (Node 20.19+ loads ESM
// without top-level await through require(), with no flag).
/* eslint-disable @typescript-eslint/no-require-imports -- require() is what this file tests */
const assert = require('node:assert/strict')
const content = require('@ai-engineer/content')

assert.equal(typeof content.guide.title, 'string')
assert.equal(content.getSection('intro', 'ai-engineers').id, 'ai-engineers')
console.log(JSON.stringify({ node: process.version, title: content.guide.title }))
