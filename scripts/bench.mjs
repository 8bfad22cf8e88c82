#!/usr/bin/env node
// Benchmark: builds a corpus from the fixtures (at least 2,000 files and 20 MB), runs the whole
// pipeline as a batch with 1 worker and with all cores, and measures MB/s, files/s, the scaling
// ratio, peak RSS, and opencc-js conversion alone on the same text as the reference for what one
// stage costs. Also a 10,000-file batch for memory. Writes bench/results.json and prints a table.
//
//   npm run bench                 # full run
//   npm run bench -- --quick      # smaller corpus, for a smoke test
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const MIN_FILES = quick ? 200 : 2000;
const MIN_BYTES = quick ? 2e6 : 20e6;
const MANY_FILES = quick ? 1000 : 10000;
const cores = availableParallelism();

const sources = [];
for (const dir of ['fixtures/seeds', 'fixtures/cases', 'fixtures/variants']) {
  for (const f of readdirSync(join(root, dir)).sort()) if (/\.(txt|html|docx)$/.test(f)) sources.push(join(root, dir, f));
}

function buildCorpus(dir, minFiles, minBytes, pick = sources) {
  let files = 0;
  let bytes = 0;
  while (files < minFiles || bytes < minBytes) {
    const src = pick[files % pick.length];
    const ext = src.slice(src.lastIndexOf('.'));
    const sub = join(dir, `d${Math.floor(files / 500)}`);
    if (files % 500 === 0) mkdirSync(sub, { recursive: true });
    copyFileSync(src, join(sub, `f${files}${ext}`));
    bytes += statSync(src).size;
    files++;
  }
  return { files, bytes };
}

// One batch in a child process, so its peak RSS (the main thread and its worker threads) is its own.
function batchScript(corpus, out, jobs) {
  return `
    const { listInputs } = await import(${JSON.stringify(join(root, 'dist/io/list-inputs.js'))});
    const { runBatch } = await import(${JSON.stringify(join(root, 'dist/cli/batch.js'))});
    const files = await listInputs([${JSON.stringify(corpus)}]);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const s = await runBatch(files, { outDir: ${JSON.stringify(out)}, format: 'json', script: 'simplified', jobs: ${jobs}, force: true, quiet: true, stderr: () => {}, tty: false });
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    console.log(JSON.stringify({ ms, ok: s.ok, failed: s.failed, maxRssMB: process.resourceUsage().maxRSS / 1024, cpuMs: (c.user + c.system) / 1000 }));
  `;
}

function runBatch(corpus, out, jobs) {
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', batchScript(corpus, out, jobs)], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout.toString());
}

// What the machine allows: one single-worker batch per core as independent processes, all at once.
// Nothing is shared between them, so their scaling is the ceiling for any pool on this machine.
async function independentProcesses(corpus, work, n) {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      promisify(execFile)(process.execPath, ['--input-type=module', '-e', batchScript(corpus, join(work, `outP${i}`), 1)], {
        maxBuffer: 64 * 1024 * 1024,
      }),
    ),
  );
  return performance.now() - t0;
}

/** Every file of the corpus with its bytes, in name order. */
function corpusFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) corpusFiles(p, out);
    else out.push([p, readFileSync(p)]);
  }
  return out;
}

function openccAlone(files) {
  const convert = OpenCC.Converter({ from: 'hk', to: 'cn' });
  convert('預熱');
  const texts = files
    .filter(([p]) => !p.endsWith('.docx'))
    .map(([, b]) => {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        return new TextDecoder('gb18030').decode(b);
      }
    });
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const t0 = performance.now();
  for (const t of texts) convert(t);
  return { ms: performance.now() - t0, bytes };
}

// Where one worker's time goes: each stage over the whole corpus, in this process, on a second
// (warm) pass; reading files and writing outputs are left out.
async function stageTimes(files) {
  const { read, STAGES } = await import(join(root, 'dist/pipeline/run.js'));
  const { toOutput } = await import(join(root, 'dist/pipeline/output.js'));
  const { serialize } = await import(join(root, 'dist/cli/format.js'));
  const ms = {};
  for (let pass = 0; pass < 2; pass++) {
    for (const k of Object.keys(ms)) ms[k] = 0;
    const add = (k, t) => (ms[k] = (ms[k] ?? 0) + t);
    for (const [path, bytes] of files) {
      let t = performance.now();
      let doc = read(bytes, { path });
      add('read (decode, HTML, .docx)', performance.now() - t);
      for (const stage of STAGES) {
        t = performance.now();
        doc = stage.run(doc);
        add(stage.name, performance.now() - t);
      }
      t = performance.now();
      serialize(toOutput(doc, 'simplified'), 'json');
      add('output (JSON)', performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)]));
}

const work = mkdtempSync(join(tmpdir(), 'policy-bench-'));
try {
  const corpus = join(work, 'corpus');
  const { files, bytes } = buildCorpus(corpus, MIN_FILES, MIN_BYTES);
  const MB = bytes / 1e6;
  process.stderr.write(`corpus: ${files} files, ${MB.toFixed(1)} MB\n`);
  const one = runBatch(corpus, join(work, 'out1'), 1);
  const all = runBatch(corpus, join(work, 'outN'), cores);
  const independentMs = await independentProcesses(corpus, work, cores);
  const corpusBytes = corpusFiles(corpus);
  const cc = openccAlone(corpusBytes);
  const stages = await stageTimes(corpusBytes);
  const many = join(work, 'many');
  const small = sources.filter((s) => s.includes('/cases/'));
  const manyCorpus = buildCorpus(many, MANY_FILES, 0, small);
  const manyRun = runBatch(many, join(work, 'outMany'), cores);
  const results = {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cores,
    corpus: { files, MB: +MB.toFixed(2) },
    oneWorker: {
      seconds: +(one.ms / 1000).toFixed(2),
      MBps: +(MB / (one.ms / 1000)).toFixed(2),
      filesPerSecond: +(files / (one.ms / 1000)).toFixed(1),
      peakRssMB: Math.round(one.maxRssMB),
      cpuSeconds: +(one.cpuMs / 1000).toFixed(2),
    },
    allCores: {
      jobs: cores,
      seconds: +(all.ms / 1000).toFixed(2),
      MBps: +(MB / (all.ms / 1000)).toFixed(2),
      filesPerSecond: +(files / (all.ms / 1000)).toFixed(1),
      peakRssMB: Math.round(all.maxRssMB),
      cpuSeconds: +(all.cpuMs / 1000).toFixed(2),
    },
    scaling: +(one.ms / all.ms).toFixed(2),
    // The same work done by `cores` independent one-worker processes at once, against one of them alone.
    independentProcessesScaling: +((cores * one.ms) / independentMs).toFixed(2),
    openccAlone: { MBps: +(cc.bytes / 1e6 / (cc.ms / 1000)).toFixed(2) },
    ratioToOpencc: +(MB / (one.ms / 1000) / (cc.bytes / 1e6 / (cc.ms / 1000))).toFixed(2),
    manyFiles: {
      files: manyCorpus.files,
      MB: +(manyCorpus.bytes / 1e6).toFixed(1),
      seconds: +(manyRun.ms / 1000).toFixed(1),
      peakRssMB: Math.round(manyRun.maxRssMB),
      failed: manyRun.failed,
    },
    failures: one.failed + all.failed,
    stageMs: stages,
  };
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const row = (k, v) => console.log(`| ${k.padEnd(34)} | ${String(v).padEnd(40)} |`);
  console.log(`| ${'measure'.padEnd(34)} | ${'value'.padEnd(40)} |\n|${'-'.repeat(36)}|${'-'.repeat(42)}|`);
  row('corpus', `${files} files, ${MB.toFixed(1)} MB`);
  row('1 worker', `${results.oneWorker.MBps} MB/s, ${results.oneWorker.filesPerSecond} files/s`);
  row(`${cores} workers`, `${results.allCores.MBps} MB/s, ${results.allCores.filesPerSecond} files/s`);
  row('scaling (all cores / 1)', `${results.scaling}×`);
  // CPU time of the whole process (every thread, V8's compiler and collector threads among them)
  // over wall time: how many cores a run keeps busy.
  const busy = (r) => `${r.cpuSeconds} s (${(r.cpuSeconds / r.seconds).toFixed(1)} cores)`;
  row('CPU time (1 worker / all cores)', `${busy(results.oneWorker)} / ${busy(results.allCores)}`);
  row(`ceiling: ${cores} independent processes`, `${results.independentProcessesScaling}×`);
  row('opencc-js conversion alone', `${results.openccAlone.MBps} MB/s`);
  row('1 worker / opencc alone', results.ratioToOpencc);
  row('peak RSS (1 worker / all cores)', `${results.oneWorker.peakRssMB} MB / ${results.allCores.peakRssMB} MB`);
  row(`${manyCorpus.files}-file batch`, `${results.manyFiles.seconds} s, peak RSS ${results.manyFiles.peakRssMB} MB`);
  console.log(`\n| ${'stage (warm, whole corpus)'.padEnd(34)} | ${'ms'.padEnd(40)} |\n|${'-'.repeat(36)}|${'-'.repeat(42)}|`);
  for (const [k, v] of Object.entries(stages)) row(k, v);
  row('opencc-js alone, same text', Math.round(cc.ms));
} finally {
  rmSync(work, { recursive: true, force: true });
}
