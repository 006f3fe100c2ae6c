import type { Dataset } from '../Dataset.js';

/** Bump when the cache file layout or the meaning of a key changes: old files are then ignored. */
export const CACHE_FORMAT_VERSION = 1;

/** First 8 bytes of every cache file. */
export const CACHE_MAGIC = 'GPDSET01';

/**
 * The JSON header of a cached data set. File layout: the 8-byte magic, the header's byte
 * length (uint32 little-endian), the header as UTF-8 JSON, then `count·channels·height·width`
 * image bytes (CHW per image) and `count` label bytes.
 */
export interface CacheHeader extends Pick<Dataset, 'count' | 'channels' | 'height' | 'width' | 'classes' | 'source'> {
  readonly version: number;
  /** The full cache key (sha256 hex); the file name carries only a prefix of it. */
  readonly key: string;
  /** Fingerprint of the source folder the data was decoded from (see fingerprintSource). */
  readonly fingerprint: string;
  /** sha256 (hex) of the image and label bytes, so a bit-flipped or truncated file is caught. */
  readonly payloadSha256: string;
}
