import { describe, expect, it } from 'vitest';
import { parseChildMessage } from '../../src/sandbox/parseChildMessage';

describe('parseChildMessage', () => {
  it('reads the three messages of the protocol, with NaN and ±Infinity tagged', () => {
    expect(parseChildMessage('{"type":"ready"}')).toEqual({ type: 'ready' });
    expect(parseChildMessage('{"type":"load-error","error":"SyntaxError: x"}')).toEqual({ type: 'load-error', error: 'SyntaxError: x' });
    const reply = parseChildMessage('{"type":"reply","id":3,"results":[{"ok":true,"value":[[1,{"$num":"NaN"}],[{"$num":"-Infinity"}]]},{"ok":false,"error":"Error: boom"},{"ok":true,"value":{"$type":"string"}}]}');
    expect(reply).toEqual({ type: 'reply', id: 3, results: [{ ok: true, value: [[1, NaN], [-Infinity]] }, { ok: false, error: 'Error: boom' }, { ok: true, value: { $type: 'string' } }] });
  });

  it('anything else is invalid, with why, and never throws', () => {
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['[1,2]', /not an object/],
      ['{"type":"reply","id":"1","results":[]}', /without an id/],
      ['{"type":"reply","id":1,"results":"all passed"}', /without an id and results/],
      ['{"type":"reply","id":1,"results":[{"ok":false,"error":{"toString":1}}]}', /wrong shape/],
      ['{"type":"reply","id":1,"results":[{"ok":true,"value":{"valueOf":3}}]}', /wrong shape/],
      ['{"type":"reply","id":1,"results":[{"ok":true,"value":[[[[[1]]]]]}]}', /wrong shape/],
      [`{"type":"reply","id":1,"results":[{"ok":true,"value":${'['.repeat(200_000)}${']'.repeat(200_000)}}]}`, /nested more than 8 levels deep/],
      ['{"type":"load-error","error":7}', /without a message/],
      ['{"type":"hello"}', /unknown message type/],
      ['{"type":"reply","id":1,"results":[{"ok":"yes","value":1}]}', /wrong shape/],
    ];
    for (const [line, why] of cases) {
      const m = parseChildMessage(line);
      expect(m.type).toBe('invalid');
      expect((m as { why: string }).why).toMatch(why);
    }
  });

  it('brackets inside strings do not count as nesting', () => {
    const m = parseChildMessage(`{"type":"load-error","error":"${'[{'.repeat(1000)}\\"]"}`);
    expect(m.type).toBe('load-error');
  });
});
