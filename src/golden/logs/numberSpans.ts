/**
 * Ascending whole numbers said briefly: [1, 2, …, 10, 12] → `1–10, 12`. After `max` parts the
 * rest is counted (`…, and 40 more`), so a log with thousands of epochs makes one readable line.
 */
export function numberSpans(numbers: readonly number[], max = Infinity): string {
  const parts: string[] = [];
  let i = 0;
  while (i < numbers.length && parts.length < max) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j === i ? `${numbers[i]}` : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return i < numbers.length ? `${parts.join(', ')}, and ${numbers.length - i} more` : parts.join(', ');
}
