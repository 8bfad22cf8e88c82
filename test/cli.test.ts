import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { schemaText } from '../src/cli/schema.js';
import { SEEDS_DIR, seedFiles } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'policy-extract.js');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policy-extract-'));
});

describe('extract', () => {
  it('prints one JSON document for one input', () => {
    const r = run(['extract', join(SEEDS_DIR, seedFiles[0])]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe('1.0');
    expect(doc.document.title).toBe('巫溪县进一步完善医疗卫生服务体系实施方案');
  });

  it('prints YAML, and keeps the source script with --script original', () => {
    const r = run(['extract', join(SEEDS_DIR, seedFiles[0]), '--format', 'yaml', '--script', 'original']);
    expect(r.code).toBe(0);
    expect(parseYaml(r.stdout).document.title).toBe('巫溪縣進一步完善醫療衛生服務體系實施方案');
  });

  it('converts to traditional with --script traditional', () => {
    const r = run(['extract', join(SEEDS_DIR, seedFiles[2]), '--script', 'traditional']);
    expect(JSON.parse(r.stdout).document.title).toBe('萍鄉市“十四五”衞生健康發展規劃');
  });

  it('reads stdin with -', () => {
    const r = run(['extract', '-'], '一、总体要求\n到2025年，全县卫生健康体系更加完善。\n');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.source.path).toBe('-');
    expect(doc.goals[0].year).toBe(2025);
  });

  it('gives byte-identical output for the same input', () => {
    const a = run(['extract', join(SEEDS_DIR, seedFiles[1])]).stdout;
    const b = run(['extract', join(SEEDS_DIR, seedFiles[1])]).stdout;
    expect(a).toBe(b);
  });

  it.each([
    ['a missing file', () => join(tmp, 'nope.txt'), /no such file/],
    ['a directory', () => tmp, /is a directory/],
    ['an empty file', () => (writeFileSync(join(tmp, 'empty.txt'), ''), join(tmp, 'empty.txt')), /empty file/],
    [
      'a binary file',
      () => (
        writeFileSync(join(tmp, 'img.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])),
        join(tmp, 'img.txt')
      ),
      /not a text document/,
    ],
    [
      'bytes in no known encoding',
      () => (writeFileSync(join(tmp, 'bad.txt'), Buffer.from([0xa1, 0x20, 0xff, 0x20, 0xc0, 0x41, 0xff, 0x41])), join(tmp, 'bad.txt')),
      /not text in a known encoding/,
    ],
  ])('refuses %s with one line naming the file, exit 2, nothing on stdout', (_name, make, reason) => {
    const file = make();
    const r = run(['extract', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(reason);
  });

  it.each(['truncated.docx', 'zip-bomb.docx', 'entity-bomb.docx', 'not-a-zip.docx', 'png-renamed.html', 'invalid-utf8.txt', 'empty.txt'])(
    'refuses fixtures/bad/%s with one line, exit 2',
    (name) => {
      const file = join(ROOT, 'fixtures', 'bad', name);
      const r = run(['extract', file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`${file}: `)]);
    },
  );

  it('reads GBK, HTML and .docx inputs, and --encoding forces one', () => {
    for (const v of ['002-gbk.txt', '004-page.html', '000-word.docx']) {
      const r = run(['extract', join(ROOT, 'fixtures', 'variants', v)]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).document.title).toBeTruthy();
    }
    const forced = run(['extract', join(ROOT, 'fixtures', 'variants', '002-gbk.txt'), '--encoding', 'utf-8']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/not valid utf-8 text/);
  });

  it('rejects an unknown --encoding before reading anything', () => {
    const out = join(tmp, 'never');
    const r = run(['extract', SEEDS_DIR, '-o', out, '--encoding', 'klingon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown encoding "klingon"/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an unknown flag value as a usage error', () => {
    const r = run(['extract', join(SEEDS_DIR, seedFiles[0]), '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('writes one file per input with -o, and goes on past a bad input', () => {
    const inDir = join(tmp, 'batch');
    mkdirSync(inDir);
    writeFileSync(join(inDir, 'a.txt'), '一、总体要求\n到2025年，全市体系更加完善。\n');
    writeFileSync(join(inDir, 'b.txt'), '');
    const outDir = join(tmp, 'out');
    const r = run(['extract', inDir, '-o', outDir, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/b\.txt: empty file/);
    expect(readdirSync(outDir).filter((f) => !f.startsWith('.'))).toEqual(['a.json']);
  });
});

describe('schema and validate', () => {
  it('the committed schema file is what the zod schema generates', () => {
    expect(readFileSync(join(ROOT, 'schemas', 'document.schema.json'), 'utf8')).toBe(schemaText());
  });

  it('prints the schema', () => {
    const r = run(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$schema).toMatch(/2020-12/);
  });

  it('accepts the output for every seed, in JSON and YAML', () => {
    for (const [i, f] of seedFiles.entries()) {
      const format = i % 2 ? 'yaml' : 'json';
      const out = join(tmp, `${f}.${format}`);
      writeFileSync(out, run(['extract', join(SEEDS_DIR, f), '--format', format]).stdout);
      const r = run(['validate', out]);
      expect(r.stdout).toContain(': ok');
      expect(r.code).toBe(0);
    }
  });

  it('reports every issue with its path and exits 1', () => {
    const doc = JSON.parse(run(['extract', join(SEEDS_DIR, seedFiles[0])]).stdout);
    doc.document.date = '14/10/2024';
    doc.goals[0].year = 'soon';
    doc.tasks[0].section = 'nowhere';
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify(doc));
    const r = run(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✖ .*\n {2}→ at document\.date/);
    expect(r.stdout).toMatch(/→ at goals\[0\]\.year/);
    const semantic = JSON.parse(run(['extract', join(SEEDS_DIR, seedFiles[0])]).stdout);
    semantic.tasks[0].section = 'nowhere';
    writeFileSync(bad, JSON.stringify(semantic));
    const s = run(['validate', bad, '--json']);
    expect(s.code).toBe(1);
    expect(JSON.parse(s.stdout).files[0].issues[0].message).toMatch(/section "nowhere" does not exist/);
  });

  it('validates the directory a batch wrote, leaving out its manifest', () => {
    const out = join(tmp, 'batch-out');
    expect(run(['extract', SEEDS_DIR, '-o', out, '--quiet']).code).toBe(0);
    const r = run(['validate', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(seedFiles.length);
    expect(r.stdout).not.toContain('manifest');
  });

  it('names a file that is not JSON', () => {
    const bad = join(tmp, 'broken.json');
    writeFileSync(bad, '{"schemaVersion": ');
    const r = run(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.json: not valid JSON/);
  });

  it('keeps an error to one line when the parser quotes control bytes back', () => {
    const png = join(tmp, 'image.json');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const r = run(['validate', png]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^policy-extract: .*image\.json: not valid JSON: [^\r\n\x1a]*\n$/);
  });
});

describe('pipes', () => {
  it('stops quietly when the reader closes the pipe early', () => {
    const r = spawnSync(
      'bash',
      ['-c', `node ${BIN} extract ${join(SEEDS_DIR, seedFiles[2])} | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`],
      { cwd: ROOT },
    );
    expect(r.stdout.toString().trim()).toBe('0');
    expect(r.stderr.toString()).not.toMatch(/EPIPE/);
  });
});

describe('help', () => {
  it.each([[[]], [['extract']], [['validate']], [['schema']]])('%j --help explains the flags with an example', (cmd) => {
    const r = run([...cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Example/);
  });
});
