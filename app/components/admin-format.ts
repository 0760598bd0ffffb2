/** 3321 → "3.321" (Vietnamese grouping), the same on the server and in the browser. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
