/**
 * Runs `work` on every item, at most `lanes` at once, each lane taking the
 * next item only when its last one is done, in the items' order. The build
 * runs each chart's render and publish in a lane, so no more built charts
 * are held in memory than there are lanes, whatever the number of charts.
 *
 * @example await inLanes(jobs, 6, (job) => renderAndPublish(job))
 */
export async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(items.length, lanes)) }, lane));
}
