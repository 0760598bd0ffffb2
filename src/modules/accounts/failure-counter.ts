/** Counts events per key inside a sliding window (in memory, per process). */
export class FailureCounter {
  private readonly hits = new Map<string, number[]>();

  private readonly windowMs: number;

  constructor(windowMs: number) {
    this.windowMs = windowMs;
  }

  add(key: string): void {
    const list = this.fresh(key);
    list.push(Date.now());
    this.hits.set(key, list);
    if (this.hits.size > 50_000) this.prune();
  }

  count(key: string): number {
    return this.fresh(key).length;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private fresh(key: string): number[] {
    const since = Date.now() - this.windowMs;
    return (this.hits.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of [...this.hits.keys()]) if (this.fresh(key).length === 0) this.hits.delete(key);
  }
}
