/** The image container formats gradproof can decode, as told apart by their magic bytes. */
export type ImageFormat = 'bmp' | 'tiff' | 'png' | 'jpeg';
