/**
 * Generic JSON → XML for the public API's XML form (V.20): an object becomes child elements named by
 * its keys, an array becomes one <item> element per entry, null becomes an element with nil="true",
 * numbers and booleans are written as text. Reading it back needs no schema beyond the JSON one.
 */
export function jsonToXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, '')}\n`;
}

function element(name: string, value: unknown, indent: string): string {
  if (value === null || value === undefined) return `${indent}<${name} nil="true"/>`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}<${name}/>`;
    const inner = value.map((v) => element('item', v, `${indent}  `)).join('\n');
    return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return `${indent}<${name}/>`;
    const inner = entries.map(([k, v]) => element(k, v, `${indent}  `)).join('\n');
    return `${indent}<${name}>\n${inner}\n${indent}</${name}>`;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `${indent}<${name}>${esc(text)}</${name}>`;
}

/** Escapes text for XML 1.0 content and attributes, dropping characters XML cannot carry. */
export function esc(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** True when the client asked for XML (Accept: application/xml or text/xml, and not JSON). */
export function wantsXml(accept: string | undefined, format?: string): boolean {
  if (format) return format === 'xml';
  const a = accept ?? '';
  return /\b(application|text)\/xml\b/.test(a) && !/application\/json/.test(a);
}
