// Keras fit output as Keras writes it to a terminal or a redirected file: each progress update
// rewrites the line (Keras 2: backspaces over the old width, then `\r`; Keras 3 the same, with
// ANSI colours around the step count, bar and time), the epoch's last update ends the line.

const BS = (n: number): string => '\b'.repeat(n);

/** Keras 2 (tf.keras) progress lines of one epoch: updates with ETA, then the final one with val_ metrics. */
export function keras2Epoch(epoch: number, of: number, [loss, acc, valLoss, valAcc]: readonly string[]): string {
  const updates = [1, 400, 1200, 1563].map(
    (k) => `${String(k).padStart(4)}/1563 [${'='.repeat(Math.max(0, Math.floor((30 * k) / 1563) - 1))}>${'.'.repeat(30 - Math.floor((30 * k) / 1563))}] - ETA: ${Math.max(0, 12 - Math.floor(k / 130))}s - loss: 2.1000 - accuracy: 0.2000`,
  );
  const final = `1563/1563 [==============================] - 12s 8ms/step - loss: ${loss} - accuracy: ${acc} - val_loss: ${valLoss} - val_accuracy: ${valAcc}`;
  return `Epoch ${epoch}/${of}\n${[...updates, final].map((u, i) => (i === 0 ? u : `${BS(110)}\r${u}`)).join('')}\n`;
}

/** Keras 3 progress lines of one epoch: coloured, metric names in alphabetical order, a pre-validation update at 1563/1563. */
export function keras3Epoch(epoch: number, of: number, [acc, loss, valAcc, valLoss]: readonly string[]): string {
  const bar = (k: number): string => {
    const w = Math.floor((20 * k) / 1563);
    return `\x1b[1m${String(k).padStart(4)}/1563\x1b[0m ${w > 0 ? `\x1b[32m${'━'.repeat(w)}\x1b[0m` : ''}\x1b[37m${'━'.repeat(20 - w)}\x1b[0m`;
  };
  const updates = [1, 800, 1563].map((k) => `${bar(k)} \x1b[1m${k === 1563 ? 0 : 3}s\x1b[0m 2ms/step - accuracy: 0.7000 - loss: 0.9000`);
  const final = `${bar(1563)} \x1b[1m4s\x1b[0m 2ms/step - accuracy: ${acc} - loss: ${loss} - val_accuracy: ${valAcc} - val_loss: ${valLoss}`;
  return `Epoch ${epoch}/${of}\n${[...updates, final].map((u, i) => (i === 0 ? u : `${BS(90)}\r${u}`)).join('')}\n`;
}
