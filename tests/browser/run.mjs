// node run.mjs RESULTFILE TEST.mjs...: runs the browser tests, writes
// "passed N failed M" to RESULTFILE, exits 1 on any failure.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { draai } from './lib.mjs';

const [resultaat, ...bestanden] = process.argv.slice(2);
let r = { goed: 0, fout: 1 };
try {
  r = await draai(bestanden.map((b) => pathToFileURL(resolve(b)).href));
} catch (e) {
  console.log(`FAIL - the browser tests start: ${(e && e.stack) || e}`);
}
writeFileSync(resultaat, `passed ${r.goed} failed ${r.fout}\n`);
process.exit(r.fout ? 1 : 0);
