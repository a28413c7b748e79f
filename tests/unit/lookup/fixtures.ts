import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(process.cwd(), 'tests/unit/lookup/fixtures');

export const fixtureText = (name: string) => readFileSync(join(DIR, name), 'utf8');
export const fixtureJson = (name: string): unknown => JSON.parse(fixtureText(name));
