/**
 * Batch, streaming and determinism, through the built CLI as users run it.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDS_DIR, seedFiles } from './helpers.js';
import { distinctOutputs } from '../src/io/list-inputs.js';
import { main } from '../src/cli/index.js';
import { Readable } from 'node:stream';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'policy-extract.js');
const run = (args: string[], input?: string, cwd = ROOT) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
};
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policy-batch-'));
});

describe('batch', () => {
  it('refuses an output path that is a file, in one line, before extracting anything', () => {
    const file = join(tmp, 'not-a-dir');
    writeFileSync(file, 'x');
    for (const out of [file, join(file, 'sub')]) {
      const r = run(['extract', SEEDS_DIR, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`policy-extract: ${out}: not a directory (-o names the directory the outputs go to)\n`);
    }
  });

  it('names outputs apart by extension, then by number, ignoring case', () => {
    const f = (path: string, relative: string) => ({ path, relative });
    expect(
      distinctOutputs([
        f('a/plan.txt', 'plan'),
        f('a/plan.html', 'plan'),
        f('b/PLAN.txt', 'PLAN'),
        f('c/x.txt', 'x'),
        f('c/plan-2.txt', 'plan-2'),
      ]).map((x) => x.relative),
    ).toEqual(['plan.txt', 'plan.html', 'PLAN.txt-2', 'x', 'plan-2']);
  });

  it('follows symbolic links to files and folders, and reads a folder reached twice once', () => {
    const dir = join(tmp, 'links');
    mkdirSync(join(dir, 'real'), { recursive: true });
    copyFileSync(join(SEEDS_DIR, seedFiles[3]), join(dir, 'real', 'a.txt'));
    symlinkSync(join(dir, 'real', 'a.txt'), join(dir, 'b.txt'));
    symlinkSync(join(dir, 'real'), join(dir, 'again'));
    symlinkSync(dir, join(dir, 'real', 'up'));
    const out = join(tmp, 'links-out');
    const r = run(['extract', dir, '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    const written = walk(out)
      .filter((f) => !f.includes('manifest'))
      .map((f) => f.slice(out.length + 1))
      .sort();
    expect(written).toEqual(['b.json', 'real/a.json']);
  });

  it('extracts a document too large for a worker heap instead of crashing the batch', () => {
    const dir = join(tmp, 'large');
    mkdirSync(dir, { recursive: true });
    const seed = readFileSync(join(SEEDS_DIR, seedFiles[2]), 'utf8');
    // About 16 MB: more than a worker's capped heap can extract.
    writeFileSync(join(dir, 'large.txt'), seed.repeat(Math.ceil(6_000_000 / seed.length)));
    // More files than a batch runs in its own thread, so that workers run it.
    for (const f of seedFiles) copyFileSync(join(SEEDS_DIR, f), join(dir, f));
    const out = join(tmp, 'large-out');
    const r = run(['extract', dir, '-o', out, '--jobs', '2', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const large = JSON.parse(readFileSync(join(out, 'large.json'), 'utf8'));
    expect(large.source.chars).toBeGreaterThan(6_000_000);
    expect(large.indicators.length).toBeGreaterThan(100);
    for (const f of seedFiles) expect(existsSync(join(out, f.replace(/\.txt$/, '.json')))).toBe(true);
  });

  it('never lets two inputs write the same output', () => {
    const dir = join(tmp, 'same-stem');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(join(SEEDS_DIR, seedFiles[0]), join(dir, 'plan.txt'));
    copyFileSync(join(ROOT, 'fixtures', 'variants', '004-page.html'), join(dir, 'plan.html'));
    copyFileSync(join(SEEDS_DIR, seedFiles[1]), join(dir, 'sub', 'Plan.txt'));
    copyFileSync(join(SEEDS_DIR, seedFiles[2]), join(dir, 'sub', 'plan.md'));
    const out = join(tmp, 'same-stem-out');
    const r = run(['extract', dir, join(SEEDS_DIR, seedFiles[3]), join(SEEDS_DIR, seedFiles[3]), '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    const written = walk(out)
      .filter((f) => f.endsWith('.json') && !f.includes('manifest'))
      .map((f) => f.slice(out.length + 1))
      .sort();
    expect(written).toEqual([
      seedFiles[3].replace(/\.txt$/, '.json'),
      'plan.html.json',
      'plan.txt.json',
      'sub/Plan.txt.json',
      'sub/plan.md.json',
    ]);
    expect(JSON.parse(readFileSync(join(out, 'plan.html.json'), 'utf8')).source.format).toBe('html');
  });

  it('refuses a report path that is a directory before the batch, and names a report it cannot write after it', () => {
    const out = join(tmp, 'report-out');
    const early = run(['extract', SEEDS_DIR, '-o', out, '--report', tmp]);
    expect(early.code).toBe(2);
    expect(early.stderr).toBe(`policy-extract: ${tmp}: is a directory (--report names the report file)\n`);
    expect(existsSync(out)).toBe(false);
    const file = join(tmp, 'plain-file');
    writeFileSync(file, 'x');
    const late = run(['extract', SEEDS_DIR, '-o', out, '--report', join(file, 'report.json'), '--quiet']);
    expect(late.code).toBe(1);
    expect(late.stderr).toBe(`policy-extract: ${join(file, 'report.json')}: cannot write the report (a file is in the way)\n`);
    expect(readdirSync(out).filter((f) => f.endsWith('.json') && !f.startsWith('.'))).toHaveLength(seedFiles.length);
  });

  it('names an output it cannot write, with the reason, and writes the others', () => {
    const out = join(tmp, 'blocked');
    const first = seedFiles[0].replace(/\.txt$/, '.json');
    mkdirSync(join(out, first), { recursive: true });
    const r = run(['extract', SEEDS_DIR, '-o', out, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `policy-extract: ${join(SEEDS_DIR, seedFiles[0])}: cannot write ${join(out, first)} (a directory is in the way)\n`,
    );
    for (const f of seedFiles.slice(1))
      expect(JSON.parse(readFileSync(join(out, f.replace(/\.txt$/, '.json')), 'utf8')).schemaVersion).toBe('1.0');
  });

  it('extracts 200 files with 3 corrupt ones: 197 outputs, exit 1, the 3 named, report written', () => {
    const input = join(tmp, 'in200');
    for (let i = 0; i < 200; i++) {
      const dir = join(input, `part${i % 4}`);
      mkdirSync(dir, { recursive: true });
      copyFileSync(join(SEEDS_DIR, seedFiles[i % seedFiles.length]), join(dir, `doc${String(i).padStart(3, '0')}.txt`));
    }
    writeFileSync(join(input, 'part0', 'doc000.txt'), '');
    writeFileSync(join(input, 'part1', 'doc001.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    writeFileSync(join(input, 'part2', 'doc002.txt'), Buffer.from([0xa1, 0x20, 0xff, 0x20, 0xc0, 0x41, 0xff, 0x41]));
    const out = join(tmp, 'out200');
    const report = join(tmp, 'report.json');
    const r = run(['extract', input, '-o', out, '--report', report, '--jobs', '2', '--quiet']);
    expect(r.code).toBe(1);
    const named = r.stderr.trimEnd().split('\n');
    expect(named).toHaveLength(3);
    expect(named[0]).toMatch(/part0\/doc000\.txt: empty file/);
    expect(named[1]).toMatch(/part1\/doc001\.txt: not a text document/);
    expect(named[2]).toMatch(/part2\/doc002\.txt: not text in a known encoding/);
    const outputs = walk(out).filter((f) => f.endsWith('.json') && !f.includes('manifest'));
    expect(outputs).toHaveLength(197);
    expect(existsSync(join(out, 'part3', 'doc003.json'))).toBe(true);
    const rep = JSON.parse(readFileSync(report, 'utf8'));
    expect(rep.totals).toEqual({ files: 200, ok: 197, skipped: 0, failed: 3 });
    const entry = (name: string) => rep.files.find((f: { input: string }) => f.input.endsWith(name));
    expect(entry('part3/doc003.txt')).toMatchObject({ status: 'ok', counts: { tables: 0, sections: 0 }, error: null });
    expect(entry('part0/doc000.txt')).toMatchObject({ status: 'failed', error: { code: 'EMPTY', message: 'empty file' } });
    // No temporary file is left behind.
    expect(walk(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // A re-run skips what is up to date; --force redoes it.
    const again = run(['extract', input, '-o', out, '--report', report, '--jobs', '2']);
    expect(again.stderr).toMatch(/0 of 200 extracted into .*, 197 unchanged and skipped, 3 failed/);
    expect(JSON.parse(readFileSync(report, 'utf8')).totals.skipped).toBe(197);
    writeFileSync(join(input, 'part3', 'doc003.txt'), '一、总体要求\n到2030年，全县体系更加完善。\n');
    const changed = run(['extract', input, '-o', out, '--report', report, '--quiet']);
    expect(JSON.parse(readFileSync(report, 'utf8')).totals).toMatchObject({ ok: 1, skipped: 196 });
    expect(changed.code).toBe(1);
    const forced = run(['extract', input, '-o', out, '--report', report, '--quiet', '--force']);
    expect(forced.code).toBe(1);
    expect(JSON.parse(readFileSync(report, 'utf8')).totals).toMatchObject({ ok: 197, skipped: 0 });
  });

  it('leaves only complete outputs when killed mid-batch', async () => {
    const input = join(tmp, 'inkill');
    mkdirSync(input);
    for (let i = 0; i < 300; i++) copyFileSync(join(SEEDS_DIR, seedFiles[2]), join(input, `d${i}.txt`));
    const out = join(tmp, 'outkill');
    const child = spawn(process.execPath, [BIN, 'extract', input, '-o', out, '--quiet', '--jobs', '2'], { cwd: ROOT, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const written = existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.json') && !f.startsWith('.')) : [];
    for (const f of written) expect(() => JSON.parse(readFileSync(join(out, f), 'utf8'))).not.toThrow();
    expect(written.length).toBeLessThan(300);
  });

  it('stops on Ctrl-C with what it finished recorded, goes on when run again, and clears stale temporary files', async () => {
    const input = join(tmp, 'inint');
    mkdirSync(input);
    for (let i = 0; i < 300; i++) copyFileSync(join(SEEDS_DIR, seedFiles[2]), join(input, `d${i}.txt`));
    const out = join(tmp, 'outint');
    // A temporary file a killed batch left behind (no process has that id).
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '.d0.json.999999999.0.tmp'), '{');
    const args = [BIN, 'extract', input, '-o', out, '--jobs', '2'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    while (!existsSync(out) || readdirSync(out).filter((f) => f.endsWith('.json') && !f.startsWith('.')).length < 40)
      await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted: \d+ of 300 done in .*; run the same command again to go on/);
    expect(existsSync(join(out, '.d0.json.999999999.0.tmp'))).toBe(false);
    const done = Number(/interrupted: (\d+)/.exec(stderr)![1]);
    expect(done).toBeGreaterThan(0);
    const again = run(args.slice(1));
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`${300 - done} of 300 extracted into .*, ${done} unchanged and skipped`));
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('records finished files every few seconds, so that a batch killed outright still skips them', async () => {
    const input = join(tmp, 'insave');
    mkdirSync(input);
    for (let i = 0; i < 1500; i++) copyFileSync(join(SEEDS_DIR, seedFiles[i % seedFiles.length]), join(input, `d${i}.txt`));
    const out = join(tmp, 'outsave');
    const args = [BIN, 'extract', input, '-o', out, '--jobs', '2', '--quiet'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    let exited = false;
    const exit = new Promise((r) => child.on('exit', () => r((exited = true))));
    const manifest = join(out, '.policy-extract-manifest.json');
    while (!existsSync(manifest) && !exited) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await exit;
    const recorded = Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).outputs).length;
    expect(recorded).toBeGreaterThan(0);
    const again = run(args.slice(1).filter((a) => a !== '--quiet'));
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`of 1500 extracted into .*, ${recorded} unchanged and skipped`));
  }, 60_000);

  it('shows a progress bar on a terminal and none elsewhere', () => {
    const out = join(tmp, 'tty');
    // `script` runs the command on a pseudo-terminal, as a user at a shell would.
    const r = spawnSync('script', ['-qec', `node ${BIN} extract fixtures/cases -o ${out} --jobs 1`, '/dev/null'], {
      cwd: ROOT,
      timeout: 120_000,
    });
    const screen = r.stdout.toString('utf8');
    expect(screen).toMatch(/extract \|[=-]+\| 23\/23 files \| [\d.]+ files\/s \| ETA \d+s \| 0 failed/);
    expect(screen).toMatch(/23 of 23 extracted into/);
    const piped = run(['extract', 'fixtures/cases', '-o', join(tmp, 'notty'), '--force']);
    expect(piped.stderr).not.toMatch(/files\/s/);
  });

  it('expands globs and mirrors the tree below the glob base', () => {
    const out = join(tmp, 'outglob');
    const r = run(['extract', 'fixtures/cases/0*.txt', '-o', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
        .sort(),
    ).toEqual(
      readdirSync(join(ROOT, 'fixtures', 'cases'))
        .filter((f) => /^0.*\.txt$/.test(f))
        .map((f) => f.replace(/\.txt$/, '.json'))
        .sort(),
    );
  });

  it('gives byte-identical outputs run twice, and with --jobs 1 and --jobs 2', () => {
    const outs = [
      ['o1', '1'],
      ['o2', '2'],
      ['o3', '2'],
    ].map(([name, jobs]) => {
      const dir = join(tmp, `det-${name}`);
      run(['extract', 'fixtures/seeds', 'fixtures/cases', 'fixtures/variants', '-o', dir, '--quiet', '--jobs', jobs]);
      return dir;
    });
    const files = walk(outs[0])
      .filter((f) => !f.includes('manifest'))
      .map((f) => f.slice(outs[0].length));
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) {
      const a = readFileSync(outs[0] + f);
      expect(readFileSync(outs[1] + f).equals(a)).toBe(true);
      expect(readFileSync(outs[2] + f).equals(a)).toBe(true);
    }
  });
});

describe('JSON lines', () => {
  it('answers requests on stdin in order: paths, inline content, and errors as lines', () => {
    const requests = [
      ...seedFiles.map((f, i) => ({ id: `s${i}`, path: join('fixtures', 'seeds', f) })),
      { id: 'page', content: readFileSync(join(ROOT, 'fixtures', 'variants', '004-page.html'), 'utf8'), format: 'html' },
      { id: 'word', contentBase64: readFileSync(join(ROOT, 'fixtures', 'variants', '000-word.docx')).toString('base64'), format: 'docx' },
      { id: 'missing', path: 'fixtures/nope.txt' },
      { id: 7 },
    ];
    const r = run(['extract', '--jsonl'], `${requests.map((q) => JSON.stringify(q)).join('\n')}\nnot json\n`);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([...seedFiles.map((_, i) => `s${i}`), 'page', 'word', 'missing', 7, null]);
    // Round trip: the same document as a single extract.
    for (const [i, f] of seedFiles.entries()) {
      expect(lines[i].document).toEqual(JSON.parse(run(['extract', join('fixtures', 'seeds', f)]).stdout));
    }
    expect(lines[5].document.source.format).toBe('html');
    expect(lines[6].document.document.title).toBe('巫溪县进一步完善医疗卫生服务体系实施方案');
    expect(lines[7].error).toEqual({ code: 'NOT_FOUND', message: 'no such file' });
    expect(lines[8].error.code).toBe('BAD_REQUEST');
    expect(lines[9].error.code).toBe('BAD_REQUEST');
  });

  it('reads a request behind a byte-order mark and CRLF line ends, and names what is wrong with a bad one', () => {
    const input = [
      '\uFEFF{"id":"a","content":"到2025年，覆盖率达到90%。"}',
      '',
      '{"id":"b","path":"plan.txt","content":"到2025年"}',
      '{"id":"c",',
      '[1,2]',
      '',
    ].join('\r\n');
    const lines = run(['extract', '--jsonl'], input)
      .stdout.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', null, null]);
    expect(lines[0].document.goals[0].year).toBe(2025);
    expect(lines[1].error.message).toBe('give one of "path", "content" or "contentBase64", not "path" and "content"');
    expect(lines[2].error.message).toMatch(/^not valid JSON \(/);
    expect(lines[3].error.message).toBe('not a JSON object');
  });

  it('waits for a slow reader instead of piling results up in memory', async () => {
    const requests = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: i, path: join(SEEDS_DIR, seedFiles[i % 5]) })).join('\n');
    const written: string[] = [];
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    let drains = 0;
    const done = main(['node', 'policy-extract', 'extract', '--jsonl', '--jobs', '1'], {
      stdin: Readable.from([requests]),
      stdout: (s) => void written.push(s),
      stderr: () => {},
      // The reader takes nothing until released.
      drain: () => (++drains === 1 ? blocked : Promise.resolve()),
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(written).toHaveLength(1);
    release();
    expect(await done).toBe(0);
    expect(written.map((l) => JSON.parse(l).id)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('runs the README GNU parallel example', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = readme.split('\n').find((l) => l.startsWith('find fixtures/seeds') && l.includes('parallel'));
    expect(example, 'README has a GNU parallel example').toBeDefined();
    const target = join(tmp, 'seeds.jsonl');
    const r = spawnSync('bash', ['-c', example!.replace('seeds.jsonl', target)], { cwd: ROOT, timeout: 120_000 });
    expect(r.status).toBe(0);
    const lines = readFileSync(target, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id).sort()).toEqual(seedFiles.map((f) => join('fixtures', 'seeds', f)).sort());
    expect(lines.every((l) => l.document.schemaVersion === '1.0')).toBe(true);
  });
});

describe('site templates', () => {
  it('learns the lines a batch repeats at its pages’ edges and removes them, keeping headings and facts', () => {
    const input = join(tmp, 'site');
    mkdirSync(input);
    const header = ['某某县人民政府门户网站', '网站首页 政务公开 办事服务 互动交流', '当前栏目：通知公告'];
    const footer = ['主办单位：某某县人民政府办公室 技术支持：某某网络公司', '网站标识码1234567890'];
    for (let i = 0; i < 10; i++) {
      const body = [
        `某某县第${i + 1}号专项规划`,
        '一、总体要求',
        `到2025年，全县第${i + 1}项工作取得明显进展。`,
        '二、保障措施',
        '加强组织领导。',
      ];
      writeFileSync(join(input, `p${i}.txt`), [...header, ...body, ...footer].join('\n'));
    }
    const out = join(tmp, 'site-out');
    expect(run(['extract', input, '-o', out, '--quiet']).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'p3.json'), 'utf8'));
    // The menu bar is recognised on each page by itself; the batch teaches the rest.
    const reasons = new Map(doc.removed.map((r: { reason: string; origin: { text: string } }) => [r.origin.text, r.reason]));
    expect([...header, ...footer].map((t) => reasons.get(t))).toEqual([
      'batch-template',
      'menu',
      'batch-template',
      'batch-template',
      'batch-template',
    ]);
    expect(doc.sections.map((s: { heading: string }) => s.heading)).toEqual(['总体要求', '保障措施']);
    expect(doc.document.title).toBe('某某县第4号专项规划');
    // Alone, the same page keeps its template lines: nothing to learn them from.
    const single = JSON.parse(run(['extract', join(input, 'p3.txt')]).stdout);
    expect(single.removed.filter((r: { reason: string }) => r.reason === 'batch-template')).toEqual([]);
  });
});
