// Adds up the passed/failed counts of cargo test, wasm-bindgen-test and
// node's test runner logs into one closing line: "total: N passed, N failed".
import { readFileSync } from 'node:fs';
let passed = 0, failed = 0, skipped = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/g)) {
    passed += +m[1]; failed += +m[2]; skipped += +m[3];
  }
  for (const m of text.matchAll(/^\S* ?pass (\d+)$/gm)) passed += +m[1];
  for (const m of text.matchAll(/^\S* ?fail (\d+)$/gm)) failed += +m[1];
  for (const m of text.matchAll(/^\S* ?skipped (\d+)$/gm)) skipped += +m[1];
}
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
