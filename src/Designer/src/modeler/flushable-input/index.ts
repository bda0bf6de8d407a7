import FlushableInput from './FlushableInput';

// Registered after the properties panel's modules, so its `debounceInput` is replaced by ours.
export default {
  flushableInput: ['type', FlushableInput],
  debounceInput: ['factory', ['flushableInput', (input: FlushableInput) => input.debounce]],
};
