import { describe, expect, it } from 'vitest';
import { gradcheckCommand } from '../../src/cli/commands/gradcheckCommand';
import { UsageError } from '../../src/errors/UsageError';
import { captureStream } from '../support/captureStream';
import { DATA_DIR } from '../support/dataDir';

describe('gradproof gradcheck', () => {
  it('--json prints the report with ok at its top level and exits 0 on the real data', async () => {
    const out = captureStream();
    const err = captureStream();
    const code = await gradcheckCommand(['gurmukhi/l1-l2-dropout', '--seed', '0', '--data', DATA_DIR, '--backend', 'cpu', '--batch', '8', '--json'], out, err);
    const report = JSON.parse(out.text());
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report).toMatchObject({ experiment: 'gurmukhi/l1-l2-dropout', seed: 0, backend: 'cpu', batchSize: 8, settings: { mode: 'directional', dtype: 'float32' } });
    expect(err.text()).toMatch(/^gradproof gradcheck gurmukhi\/l1-l2-dropout: seed 0, mode directional/);
    // A full-size model checked on the slowest backend: minutes on a loaded two-core machine.
  }, 300_000);

  it('rejects bad arguments with UsageErrors naming the flag and the value', async () => {
    const out = captureStream();
    const err = captureStream();
    await expect(gradcheckCommand([], out, err)).rejects.toThrow(/gradproof gradcheck: expected one experiment id, got none/);
    await expect(gradcheckCommand(['gurmukhi/dropout', '--mode', 'both'], out, err)).rejects.toThrow(/--mode must be one of directional\|elements, got "both"/);
    await expect(gradcheckCommand(['gurmukhi/dropout', '--seed', 'x'], out, err)).rejects.toThrow(UsageError);
    await expect(gradcheckCommand(['gurmukhi/dropout', '--bogus'], out, err)).rejects.toThrow(/gradproof gradcheck: Unknown option '--bogus'/);
    await expect(gradcheckCommand(['nope'], out, err)).rejects.toThrow(/unknown experiment "nope"/);
  });
});
