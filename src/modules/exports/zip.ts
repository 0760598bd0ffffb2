import { zip } from 'fflate';
import type { AsyncZippable, AsyncZipOptions } from 'fflate';

/**
 * Zips off the main thread (fflate runs the deflate in a worker thread): a 100,000-row sheet's XML is
 * tens of megabytes, and compressing it on the event loop would stall every request for that time.
 */
export function zipInWorker(files: AsyncZippable, options: AsyncZipOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip(files, options, (err, data) => (err ? reject(err) : resolve(data)));
  });
}
