/**
 * The row numbers of a repeated group of form fields (`comp-0-name`, `comp-3-name`…), in order.
 * With `skipBlank`, rows whose `key` and `others` fields are all empty are left out (the blank rows
 * the form offers for adding).
 */
export function readRows(
  form: FormData,
  prefix: string,
  key: string,
  skipBlank: boolean,
  others: readonly string[] = [],
): number[] {
  const re = new RegExp(`^${prefix.replace(/[-.]/g, '\\$&')}-(\\d{1,4})-${key}$`);
  const rows = new Set<number>();
  for (const name of form.keys()) {
    const m = re.exec(name);
    if (m) rows.add(Number(m[1]));
  }
  const filled = (n: number) =>
    [key, ...others].some((f) => {
      const v = form.get(`${prefix}-${n}-${f}`);
      return typeof v === 'string' && v.trim() !== '';
    });
  return [...rows].sort((a, b) => a - b).filter((n) => !skipBlank || filled(n));
}
