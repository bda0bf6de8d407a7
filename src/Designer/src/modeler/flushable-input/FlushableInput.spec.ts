import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import FlushableInput from './FlushableInput';

describe('FlushableInput', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes only the last value after the pause', () => {
    // given a debounced setter
    const written: string[] = [];
    const setValue = new FlushableInput(300).debounce((value: string) => written.push(value));

    // when three values are typed quickly and the pause passes
    setValue('A');
    setValue('At');
    setValue('Ata');
    vi.advanceTimersByTime(300);

    // then only the last one is written
    expect(written).toEqual(['Ata']);
  });

  it('writes pending input at once on flush, and not again when the timer would have fired', () => {
    // given a value typed a moment ago
    const input = new FlushableInput(300);
    const written: string[] = [];
    input.debounce((value: string) => written.push(value))('Ата-ана');

    // when the modeler flushes before serialising, and time passes
    input.flush();
    const afterFlush = [...written];
    vi.advanceTimersByTime(1000);

    // then the value was written once, by the flush
    expect(afterFlush).toEqual(['Ата-ана']);
    expect(written).toEqual(['Ата-ана']);
  });
});
