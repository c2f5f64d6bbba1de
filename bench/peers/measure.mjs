// Measures one peer library on a list of files, the Node half of
// bench/peerbench (which runs this under taskset and reads its peak RSS).
//
//   node measure.mjs TOOL time LIST         -> warms up, times one pass, prints one JSON line:
//                                              docs, bytes, seconds, cpu_seconds, units
//   node measure.mjs TOOL output LIST OUT   -> OUT: one JSON line per file, for the quality scores
//
// LIST has one file a line: its path, a tab and the reference date
// ("2023-06", "2024-09-02" or empty) that relative dates resolve against.
// A pass reads every file from disk and runs the tool on it, as
// bench/peerbench does for Dossier, so both sides pay for the same reading.
import fs from 'node:fs';

const [tool, mode, list, outFile] = process.argv.slice(2);

// Each tool reads a file's text (an article body, or a whole page) and
// returns what it found; units counts it, output turns it into JSON.
const tools = {
  // wink-nlp with its English model, its pipeline cut down to the two tasks
  // compared: sentence boundaries and entities.
  async wink() {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model, ['sbd', 'ner']);
    const its = nlp.its;
    return {
      input: 'body',
      run: (text) => {
        const doc = nlp.readDoc(text);
        return { sentences: doc.sentences().out(), entities: doc.entities().out(its.detail) };
      },
      units: (r) => r.sentences.length + r.entities.length,
    };
  },
  // compromise tags every word; sentences and its people, places and
  // organisations are the part of Dossier's job it does.
  async compromise() {
    const { default: nlp } = await import('compromise');
    return {
      input: 'body',
      run: (text) => {
        const doc = nlp(text);
        return [doc.sentences(), doc.people(), doc.places(), doc.organizations()].map((v) => v.out('array'));
      },
      units: (r) => r.reduce((n, list) => n + list.length, 0),
    };
  },
  async chrono() {
    const chrono = await import('chrono-node');
    return {
      input: 'body',
      run: (text, ref) => chrono.parse(text, ref),
      units: (r) => r.length,
      output: (r, text) => {
        const codePoint = codePointOffsets(text);
        return { dates: r.map((d) => ({ start: codePoint(d.index), end: codePoint(d.index + d.text.length), value: chronoValue(d.start) })) };
      },
    };
  },
  async 'readability-jsdom'() {
    const { Readability } = await import('@mozilla/readability');
    const { JSDOM } = await import('jsdom');
    return readability(Readability, (page) => new JSDOM(page).window);
  },
  async 'readability-linkedom'() {
    const { Readability } = await import('@mozilla/readability');
    const { parseHTML } = await import('linkedom');
    return readability(Readability, (page) => parseHTML(page));
  },
};

// readability runs Readability on the document of the window that parse
// makes of a page, then closes the window, as a long-running user must
// (a jsdom window left open keeps its whole tree alive).
function readability(Readability, parse) {
  return {
    input: 'page',
    run: (page) => {
      const window = parse(page);
      const text = new Readability(window.document).parse()?.textContent ?? '';
      window.close?.();
      return text;
    },
    units: (text) => (text.trim() ? 1 : 0),
    output: (text) => ({ text }),
  };
}

// chronoValue writes a parsed date at the precision the text gave it:
// a day (or weekday), a month or a year; a time alone dates its day.
function chronoValue(c) {
  const pad = (n) => String(n).padStart(2, '0');
  const y = String(c.get('year')).padStart(4, '0');
  if (c.isCertain('day') || c.isCertain('weekday')) return `${y}-${pad(c.get('month'))}-${pad(c.get('day'))}`;
  if (c.isCertain('month')) return `${y}-${pad(c.get('month'))}`;
  if (c.isCertain('year')) return y;
  return `${y}-${pad(c.get('month'))}-${pad(c.get('day'))}`;
}

// codePointOffsets maps UTF-16 offsets of text to code points, the unit of
// the gold evidence offsets.
function codePointOffsets(text) {
  const at = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = n;
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  at[text.length] = n;
  return (i) => at[i];
}

// refDate turns "2023", "2023-06" or "2023-06-16" into a local noon, the
// first of the month or year where the parts are missing.
function refDate(s) {
  if (!s) return new Date();
  const [y, m = 1, d = 1] = s.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

function readList(path) {
  return fs.readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [file, ref] = line.split('\t');
    return { file, ref: refDate(ref) };
  });
}

// bodyOf drops the header of the guidelines' text format, as Dossier's
// document.Parse does.
function bodyOf(text) {
  const sep = text.indexOf('\n---\n');
  return sep >= 0 ? text.slice(sep + 5) : text;
}

function pass(t, items) {
  let units = 0;
  let bytes = 0;
  for (const { file, ref } of items) {
    const data = fs.readFileSync(file, 'utf8');
    const text = t.input === 'body' ? bodyOf(data) : data;
    bytes += Buffer.byteLength(text);
    units += t.units(t.run(text, ref));
  }
  return { units, bytes };
}

const t = await tools[tool]();
const items = readList(list);
if (mode === 'time') {
  pass(t, items.slice(0, 100)); // warm the JIT up
  const start = process.hrtime.bigint();
  const startCPU = process.cpuUsage();
  const result = pass(t, items);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(startCPU); // user and system time of every thread, as on the Go side
  console.log(JSON.stringify({ docs: items.length, bytes: result.bytes, seconds, cpu_seconds: (cpu.user + cpu.system) / 1e6, units: result.units }));
} else if (mode === 'output') {
  const out = fs.openSync(outFile, 'w');
  for (const { file, ref } of items) {
    const data = fs.readFileSync(file, 'utf8');
    const text = t.input === 'body' ? bodyOf(data) : data;
    fs.writeSync(out, JSON.stringify(t.output(t.run(text, ref), text)) + '\n');
  }
  fs.closeSync(out);
} else {
  console.error('usage: node measure.mjs TOOL time LIST | TOOL output LIST OUT');
  process.exit(2);
}
