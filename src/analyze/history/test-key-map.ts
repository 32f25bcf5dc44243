// A map keyed by (project, subject). Two levels instead of one joined string key: the keys are then
// the runs' own strings, whose hashes V8 caches on the string, while a joined key is a new string to
// hash on every call (the quality summary of one run looks up 30 runs × every test).
export class TestKeyMap<V> {
  private readonly byProject = new Map<string, Map<string, V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(project: string, subject: string): V | undefined {
    return this.byProject.get(project)?.get(subject);
  }

  has(project: string, subject: string): boolean {
    return this.byProject.get(project)?.has(subject) ?? false;
  }

  set(project: string, subject: string, value: V): void {
    let inner = this.byProject.get(project);
    if (!inner) this.byProject.set(project, (inner = new Map()));
    if (!inner.has(subject)) this.count++;
    inner.set(subject, value);
  }

  *values(): IterableIterator<V> {
    for (const inner of this.byProject.values()) yield* inner.values();
  }
}

/** A map keyed by a series' (metric, project, subject), for the same reason: a comparison looks up
 *  every series of two runs, ~1,000 each. A missing project is the same key as '' (as in seriesKey). */
export class SeriesKeyMap<V> {
  private readonly byMetric = new Map<string, TestKeyMap<V>>();

  get(k: { metric: string; project?: string; subject: string }): V | undefined {
    return this.byMetric.get(k.metric)?.get(k.project ?? '', k.subject);
  }

  set(k: { metric: string; project?: string; subject: string }, value: V): void {
    let inner = this.byMetric.get(k.metric);
    if (!inner) this.byMetric.set(k.metric, (inner = new TestKeyMap()));
    inner.set(k.project ?? '', k.subject, value);
  }
}
