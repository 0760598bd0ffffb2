/**
 * Unit identifier codes per QCVN 102:2016/BTTTT (TT 10/2016/TT-BTTTT): V1V2V3.Z1Z2.Y1Y2.MX1X2, read
 * right to left from the level-1 body (M = body type letter, e.g. H = province, G = ministry).
 * Unused levels are zero-filled: 000.00.00.H29 is the province itself, 000.00.12.H29 a level-2 body.
 */
export const AGENCY_CODE_PATTERN = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$/;

export function isAgencyCode(code: string): boolean {
  return AGENCY_CODE_PATTERN.test(code);
}

export interface AgencyCodeParts {
  level1: string;
  level2: string;
  level3: string;
  level4: string;
}

export function parseAgencyCode(code: string): AgencyCodeParts | undefined {
  if (!isAgencyCode(code)) return undefined;
  const [level4 = '', level3 = '', level2 = '', level1 = ''] = code.split('.');
  return { level1, level2, level3, level4 };
}

/** Code of a child unit one level below `parent`, with `segment` as its number at that level. */
export function childAgencyCode(parent: string, segment: number): string {
  const p = parseAgencyCode(parent);
  if (!p) throw new Error(`not a QCVN 102 code: ${parent}`);
  if (p.level2 === '00') return `000.00.${pad(segment, 2)}.${p.level1}`;
  if (p.level3 === '00') return `000.${pad(segment, 2)}.${p.level2}.${p.level1}`;
  if (p.level4 === '000') return `${pad(segment, 3)}.${p.level3}.${p.level2}.${p.level1}`;
  throw new Error(`no level left below ${parent}`);
}

function pad(n: number, width: number): string {
  const s = String(n);
  if (s.length > width) throw new Error(`segment ${n} does not fit ${width} digits`);
  return s.padStart(width, '0');
}
