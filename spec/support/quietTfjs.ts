import * as tf from '@tensorflow/tfjs';

// vitest setupFile: silences TensorFlow.js's "Hi, looks like you are running TensorFlow.js in
// Node.js" banner (and its other console notes) in every spec process, as the CLI does in its
// own; the flag changes nothing else. The library itself never sets it.
tf.env().set('PROD', true);
