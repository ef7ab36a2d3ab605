// wink-nlp over the same JSON Lines that quarry-extract reads: per document, tokens, sentences and
// named entities (its lite English model's dates, numbers, money, percentages...), written as one
// JSON line each, so both programs read, extract and write the same amount of text.
//   node bench/compare/wink.js IN.jsonl > OUT.jsonl
'use strict';
const fs = require('fs');
const readline = require('readline');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const nlp = winkNLP(model);
const its = nlp.its;
const out = [];
const flush = () => { if (out.length) { fs.writeSync(1, out.join('')); out.length = 0; } };

const lines = readline.createInterface({ input: fs.createReadStream(process.argv[2]), crlfDelay: Infinity });
lines.on('line', (line) => {
  if (!line.trim()) return;
  const d = JSON.parse(line);
  const doc = nlp.readDoc(d.text);
  const entities = doc.entities().out(its.detail);
  out.push(JSON.stringify({ doc: d.doc, sentences: doc.sentences().length(), tokens: doc.tokens().length(),
                            entities }) + '\n');
  if (out.length >= 256) flush();
});
lines.on('close', flush);
