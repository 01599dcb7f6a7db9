#!/usr/bin/env node
// Regenerates the README's rule list from the built catalog (run `npm run build` first).
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../dist/index.js';
import { formatRuleTable } from '../dist/format.js';

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';
const readme = readFileSync('README.md', 'utf8');
const before = readme.slice(0, readme.indexOf(START) + START.length);
const after = readme.slice(readme.indexOf(END));
writeFileSync('README.md', `${before}\n${formatRuleTable(RULES)}\n${after}`);
console.log('README.md rule list updated.');
