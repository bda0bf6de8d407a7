import StepNames from './StepNames';

export default {
  __init__: ['stepNames'],
  stepNames: ['type', StepNames],
};
