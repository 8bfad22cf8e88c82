import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignNames, normalizeName, similarity } from '../src/compare/align.js';
import { diffPlans, normalizeUnit } from '../src/compare/diff.js';
import { buildMatrix, matrixCsv } from '../src/compare/matrix.js';
import { extractSeed, seedFiles, SEEDS_DIR } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'policy-extract.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
};
const seed = (prefix: string) =>
  join(
    SEEDS_DIR,
    seedFiles.find((f) => f.startsWith(prefix))!,
  );

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'policy-compare-'));
});

describe('normalizeName', () => {
  it.each([
    ['每千常住人口执业（助理）医师数', '每千人口执业(助理)医师数'],
    ['每千人口執業（助理）醫師數', '每千人口执业助理医师数'],
    ['老年医学科设立比例', '老年医学科设立占比'],
    ['个人卫生支出占卫生总费用的比重', '个人卫生支出占卫生总费用的比例'],
    ['全市儿童青少年总体近视率', '儿童青少年总体近视率'],
    ['ＧＤＰ增速', 'gdp增速'],
  ])('%s ≡ %s', (a, b) => {
    expect(normalizeName(a)).toBe(normalizeName(b));
  });

  it('scores similarity from 0 to 1', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('人均预期寿命', '健康预期寿命')).toBeGreaterThan(0.5);
    expect(similarity('人均预期寿命', '城镇新增就业')).toBe(0);
  });

  it('aligns one to one, exact matches first', () => {
    expect(alignNames(['婴儿死亡率', '孕产妇死亡率', '人均预期寿命'], ['孕产妇死亡率', '人均预期寿命（岁）', '婴儿死亡率'])).toEqual([
      { a: 0, b: 2, score: 1, exact: true },
      { a: 1, b: 0, score: 1, exact: true },
      { a: 2, b: 1, score: 1, exact: true },
    ]);
    expect(alignNames(['人均预期寿命'], ['健康预期寿命'], 0.9)).toEqual([]);
  });

  it('takes the region off unit names', () => {
    expect(normalizeUnit('县卫生健康委')).toBe(normalizeUnit('萍乡市卫生健康委'));
    expect(normalizeUnit('县市场监管局')).toBe('市场监管局');
  });
});

describe('diff', () => {
  it('finds the shared health indicators of seeds 000 and 002, with their targets side by side', () => {
    const d = diffPlans(extractSeed('000'), extractSeed('002'));
    const pair = (name: string) => d.indicators.both.find((p) => p.a.name === name)!;
    expect(pair('每千人口执业(助理)医师数')).toMatchObject({
      a: { value: 3.3, year: 2027 },
      b: { value: 3, year: 2025 },
      match: 'exact',
      changes: ['lower target', 'different year'],
    });
    expect(pair('每千人口注册护士数')).toMatchObject({ a: { value: 4 }, b: { value: 4.2 }, changes: ['higher target', 'different year'] });
    expect(d.indicators.onlyB.map((s) => s.name)).toContain('人均预期寿命');
    expect(d.units.onlyA).toContain('县卫生健康委');
    expect(d.outline.onlyB).toContain('保障措施');
    expect(d.different).toBe(true);
  });

  it('reports no difference for a document and itself, from the raw text and from its JSON', () => {
    const json = join(tmp, '002.json');
    writeFileSync(json, run(['extract', seed('002')]).stdout);
    const r = run(['diff', seed('002'), json]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No difference\.\n$/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('exits 1 when the plans differ, in every format', () => {
    const text = run(['diff', seed('000'), seed('002')]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/每千人口执业\(助理\)医师数\s+3\.3人 \(2027\)\s+3\.0 \(2025\)\s+lower target/);
    const markdown = run(['diff', seed('000'), seed('002'), '--format', 'markdown']);
    expect(markdown.stdout).toContain('| 每千人口注册护士数 | 4人 (2027) | 4.2 (2025) | higher target, different year | exact |');
    const json = JSON.parse(run(['diff', seed('000'), seed('002'), '--format', 'json']).stdout);
    expect(json.indicators.both.length).toBe(3);
    expect(run(['diff', seed('000'), seed('002'), '--format', 'json']).stdout).toBe(
      run(['diff', seed('000'), seed('002'), '--format', 'json']).stdout,
    );
  });

  it('exits 2 naming the file it cannot read', () => {
    const r = run(['diff', seed('000'), join(tmp, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.txt: no such file/);
  });
});

describe('compare', () => {
  it('builds one matrix over the five seeds', () => {
    const m = buildMatrix(seedFiles.map((f) => extractSeed(f.slice(0, 3))));
    expect(m.columns.map((c) => c.label)).toEqual(['巫溪县 2024', 'XX市', '萍乡市 2025', '富顺县 2023', '广东省 2024']);
    expect(m.rows[0]).toMatchObject({ name: '每千人口执业(助理)医师数' });
    expect(m.rows[0].cells.map((c) => c?.raw ?? null)).toEqual(['3.3人', null, '3.0', null, null]);
    expect(matrixCsv(m).split('\r\n')[1]).toBe('每千人口执业(助理)医师数,3.3人 (2027),,3.0 (2025),,');
  });

  it('writes CSV, Markdown and HTML reports', () => {
    for (const ext of ['csv', 'md', 'html']) {
      const out = join(tmp, `matrix.${ext}`);
      const r = run(['compare', 'fixtures/seeds', '-o', out]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^5 plans, \d+ indicators → /);
      expect(readFileSync(out, 'utf8')).toContain('每千人口注册护士数');
    }
    expect(readFileSync(join(tmp, 'matrix.md'), 'utf8')).toMatch(/\| 巫溪县 2024 \| 巫溪县进一步完善医疗卫生服务体系实施方案 \| 3 \|/);
    const html = readFileSync(join(tmp, 'matrix.html'), 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html).toMatch(/<svg class="bars"/);
  });

  it('refuses a report name it cannot write', () => {
    const r = run(['compare', 'fixtures/seeds', '-o', join(tmp, 'matrix.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must end in \.csv, \.md or \.html/);
  });

  it('the HTML report shows its matrix in a real browser (headless Chromium)', () => {
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
    expect(chromium, 'Chromium is installed (Debian package chromium)').toBeDefined();
    const out = join(tmp, 'browser.html');
    run(['compare', 'fixtures/seeds', '-o', out]);
    const r = spawnSync(
      chromium!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(tmp, 'chromium-profile')}`,
        '--dump-dom',
        `file://${out}`,
      ],
      { timeout: 90_000 },
    );
    const dom = r.stdout.toString('utf8');
    // The browser parsed the page: the matrix table, its header cells and a row of targets.
    const table = /<table id="matrix">([\s\S]*?)<\/table>/.exec(dom)?.[1] ?? '';
    const headers = [...table.matchAll(/<th title="[^"]*">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(['巫溪县 2024', 'XX市', '萍乡市 2025', '富顺县 2023', '广东省 2024']);
    const firstRow = /<tr><th scope="row">每千人口执业\(助理\)医师数<\/th>((?:<td>[^<]*<\/td>)+)<\/tr>/.exec(table)?.[1] ?? '';
    expect([...firstRow.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1])).toEqual(['3.3人 (2027)', '', '3.0 (2025)', '', '']);
    expect(dom).toMatch(/<svg class="bars"/);
  });
});
