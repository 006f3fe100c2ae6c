import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeValue } from '../../src/errors/describeValue';
import { useCpuBackend } from '../support/cpuBackend';

beforeAll(useCpuBackend);

describe('describeValue', () => {
  it('names models, layers, tensors, variables, typed arrays, arrays, functions, strings and objects', () => {
    const model = tf.sequential({ name: 'userNet', layers: [tf.layers.dense({ units: 1, inputShape: [2], name: 'userDense' })] });
    const t = tf.zeros([3, 4]);
    const v = tf.variable(tf.zeros([2]), true, 'describeSpecV');
    const s = tf.scalar(1, 'int32');
    const gone = tf.zeros([1]);
    gone.dispose();
    expect(describeValue(model)).toBe('a tf.LayersModel (userNet)');
    expect(describeValue(model.layers[0])).toBe('a tf.layers.Layer (userDense)');
    expect(describeValue(t)).toBe('a 2-D tensor of shape [3,4] (float32)');
    expect(describeValue(v)).toBe('a 1-D tf.Variable of shape [2] (float32)');
    expect(describeValue(s)).toBe('a scalar tensor (int32)');
    expect(describeValue(gone)).toBe('a disposed tensor');
    expect(describeValue(new Float32Array(0))).toBe('a Float32Array of length 0');
    expect(describeValue([1, [2]])).toBe('an array of length 2 (item 1 is an array of length 1)');
    expect(describeValue(function named() {})).toBe('a function (named)');
    expect(describeValue('x'.repeat(50))).toBe(`the string "${'x'.repeat(40)}…"`);
    expect(describeValue({ a: 1, b: 2 })).toBe('an object with keys ["a","b"]');
    expect([null, undefined, 3, true].map(describeValue)).toEqual(['null', 'undefined', 'number 3', 'boolean true']);
    tf.dispose([t, v, s]);
    model.dispose();
  });
});
