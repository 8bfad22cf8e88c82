/** The tool's name and version, from package.json (one level above both src/ and dist/). */
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export const TOOL = pkg.name;
export const VERSION = pkg.version;
