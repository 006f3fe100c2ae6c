/**
 * A decoded raster image: `data` holds `height × width × channels` bytes in HWC order
 * (row 0 is the top row, pixels left to right, channels interleaved: gray, or R G B).
 * Bilevel images decode to 0 (black) and 255 (white), whatever their file's polarity.
 */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly data: Uint8Array;
}
