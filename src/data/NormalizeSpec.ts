/**
 * Input = (pixel/255 − mean)/std, per channel when arrays (one value per channel, or one for all).
 * Default mean 0.5, std 0.5: torchvision's ToTensor then Normalize(0.5, 0.5), as the report uses.
 */
export interface NormalizeSpec {
  readonly mean: number | readonly number[];
  readonly std: number | readonly number[];
}
