import { ValidationError } from '../../errors.ts';

/** Opaque keyset cursor: the sort key of the last row of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

type Part = 'int' | 'string';
type Decoded<S extends readonly Part[]> = { [K in keyof S]: S[K] extends 'int' ? number : string };

/**
 * The sort key a cursor carries, checked part by part against `shape` (a relevance score is an
 * integer, names and codes are strings): a forged cursor is a 400, never a database type error.
 */
export function decodeCursor<const S extends readonly Part[]>(cursor: string, shape: S): Decoded<S> {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === shape.length &&
      v.every((x, i) =>
        shape[i] === 'int' ? Number.isSafeInteger(x) : typeof x === 'string' && x.length <= 2000,
      )
    )
      return v as Decoded<S>;
  } catch {
    // fall through
  }
  throw new ValidationError([
    {
      field: 'querystring.after',
      message: 'Con trỏ phân trang (after) không hợp lệ: dùng giá trị "next" của trang trước',
    },
  ]);
}
