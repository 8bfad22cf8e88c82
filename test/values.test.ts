import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseValue } from '../src/pipeline/values.js';

describe('parseValue', () => {
  it.each([
    ['≥60%', { value: 60, comparator: '>=', unit: '%' }],
    ['≤12/10万', { value: 12, comparator: '<=', unit: '/10万' }],
    ['≤5‰', { value: 5, comparator: '<=', unit: '‰' }],
    ['27%左右', { value: 27, comparator: '~', unit: '%' }],
    ['3.3人', { value: 3.3, comparator: null, unit: '人' }],
    ['79', { value: 79, comparator: null, unit: null }],
    ['不低于35%', { value: 35, comparator: '>=', unit: '%' }],
    ['95%以上', { value: 95, comparator: '>=', unit: '%' }],
    ['10%以内', { value: 10, comparator: '<=', unit: '%' }],
    ['5-8个', { value: 5, comparator: null, unit: '个' }],
    ['同比例提高', { value: null, comparator: null, unit: null }],
    ['完成', { value: null, comparator: null, unit: null }],
    ['在2020年基础上增长10%左右', { value: null, comparator: '~', unit: null }],
    ['力争每年降低0.5个百分点以上', { value: null, comparator: '>=', unit: null }],
    ['０.５％', { value: 0.5, comparator: null, unit: '%' }],
    ['12万个', { value: 12, comparator: null, unit: '万个' }],
    ['年均增长7%左右', { value: 7, comparator: '~', unit: '%' }],
    ['下降25%', { value: 25, comparator: null, unit: '%' }],
    ['每亩380公斤', { value: 380, comparator: null, unit: '公斤' }],
    ['100毫克/升以上', { value: 100, comparator: '>=', unit: '毫克/升' }],
    ['≧90%', { value: 90, comparator: '>=', unit: '%' }],
    ['≦26', { value: 26, comparator: '<=', unit: null }],
    ['≤30微克/立方米', { value: 30, comparator: '<=', unit: '微克/立方米' }],
    ['480万吨标准煤', { value: 480, comparator: null, unit: '万吨标准煤' }],
  ])('%s', (raw, expected) => {
    expect(parseValue(raw)).toEqual(expected);
  });

  it('never throws and runs in linear time on long inputs (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void parseValue(s)));
    const long = '≥'.repeat(50_000) + '1'.repeat(50_000) + '%';
    const t0 = performance.now();
    parseValue(long);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
