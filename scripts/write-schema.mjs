#!/usr/bin/env node
// Writes schemas/document.schema.json from the zod schema (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaText } from '../dist/cli/schema.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'document.schema.json');
writeFileSync(out, schemaText());
console.log(`wrote ${out}`);
