import { isFactoryModelSpec } from '../models/isFactoryModelSpec.js';
import { LayersTrainableModel } from '../models/LayersTrainableModel.js';
import type { ModelSpec } from '../models/ModelSpec.js';
import type { TrainableModel } from '../models/TrainableModel.js';
import type { FactoryModelRecord, RunRecord } from './RunRecord.js';

/**
 * A run record's `config.model`: an MLP's config as given; for a factory, its name and what it
 * built: each top-level layer's class, name, (first) output shape and weight count, and the
 * model's trainable parameter count. Layer names are tfjs's (`dense_Dense4` unless the factory
 * names its layers), which count up across the models a process builds.
 */
export function modelRecord(spec: ModelSpec, model: TrainableModel): RunRecord['config']['model'] {
  if (!isFactoryModelSpec(spec)) return { ...spec, hidden: [...spec.hidden] };
  if (!(model instanceof LayersTrainableModel))
    throw new Error(`modelRecord: the model of factory ${spec.name} is not a LayersTrainableModel`);
  const layers: FactoryModelRecord['layers'] = model.model.layers.map((l) => {
    const shape = l.outputShape;
    const first = (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
    return { className: l.getClassName(), name: l.name, outputShape: [...first], params: l.countParams() };
  });
  return { factory: spec.name, layers, parameterCount: model.parameterCount() };
}
