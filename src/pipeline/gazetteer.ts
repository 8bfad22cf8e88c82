/**
 * Place names of China (provinces, cities, counties) from china-area-data, for telling a real
 * issuing region (`巫溪县`, `广州市`) from words that only end like one (`建成区`, `试验区`).
 */
import { createRequire } from 'node:module';

export interface Place {
  name: string;
  /** 1 province, 2 city (prefecture), 3 county or district. */
  level: 1 | 2 | 3;
}

/** Names that are real divisions somewhere but mostly ordinary words in plans. */
const GENERIC = new Set([
  '城区',
  '郊区',
  '矿区',
  '东区',
  '西区',
  '南区',
  '北区',
  '新区',
  '市辖区',
  '县',
  '市中区',
  '高新区',
  '开发区',
  '经济开发区',
]);
const UNIT_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|新区|省|市|县|区|州|盟|旗)$/;
const ETHNIC = /(?:[\u4e00-\u9fff]{1,8}?族)+$/;

interface Index {
  full: Map<string, Place>;
  /** Short forms (`广州` for 广州市, `内蒙古` for 内蒙古自治区), only where one place owns them. */
  short: Map<string, Place>;
  /** First two characters → candidate names, longest first. */
  byPrefix: Map<string, string[]>;
}

let index: Index | null = null;

function build(): Index {
  const require = createRequire(import.meta.url);
  const data = require('china-area-data/data.json') as Record<string, Record<string, string>>;
  const full = new Map<string, Place>();
  const shortCount = new Map<string, Place[]>();
  for (const children of Object.values(data)) {
    for (const [code, name] of Object.entries(children)) {
      if (GENERIC.has(name) || name.length < 2 || /直辖|行政区划/.test(name)) continue;
      const level: Place['level'] = code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3;
      const existing = full.get(name);
      if (!existing || level < existing.level) full.set(name, { name, level });
      const stem = name.replace(UNIT_SUFFIX, '').replace(ETHNIC, '');
      if (stem.length >= 2 && stem !== name) {
        const list = shortCount.get(stem) ?? [];
        list.push({ name, level });
        shortCount.set(stem, list);
      }
    }
  }
  const short = new Map<string, Place>();
  for (const [stem, places] of shortCount) {
    const names = new Set(places.map((p) => p.name));
    if (names.size === 1 && !full.has(stem)) short.set(stem, places.sort((a, b) => a.level - b.level)[0]);
  }
  const byPrefix = new Map<string, string[]>();
  for (const name of [...full.keys(), ...short.keys()]) {
    const key = name.slice(0, 2);
    const list = byPrefix.get(key) ?? [];
    list.push(name);
    byPrefix.set(key, list);
  }
  for (const list of byPrefix.values()) list.sort((a, b) => b.length - a.length);
  return { full, short, byPrefix };
}

function getIndex(): Index {
  index ??= build();
  return index;
}

export interface PlaceMatch extends Place {
  /** Where the mention is in the searched text, and how long it is. */
  at: number;
  length: number;
  /** True when the text used a short form (`广州`), false for the full name. */
  short: boolean;
}

/** Every place mentioned in the text, longest name first at each position, non-overlapping. */
export function findPlaces(text: string, { shortForms = false } = {}): PlaceMatch[] {
  const { full, short, byPrefix } = getIndex();
  const out: PlaceMatch[] = [];
  for (let i = 0; i + 1 < text.length;) {
    const candidates = byPrefix.get(text.slice(i, i + 2));
    let matched = 0;
    if (candidates) {
      for (const name of candidates) {
        if (!text.startsWith(name, i)) continue;
        const place = full.get(name);
        if (place) {
          out.push({ ...place, at: i, length: name.length, short: false });
          matched = name.length;
          break;
        }
        const viaShort = short.get(name);
        if (viaShort && shortForms) {
          out.push({ ...viaShort, at: i, length: name.length, short: true });
          matched = name.length;
          break;
        }
      }
    }
    i += matched || 1;
  }
  return out;
}

export function placeByName(name: string): Place | null {
  return getIndex().full.get(name) ?? null;
}
