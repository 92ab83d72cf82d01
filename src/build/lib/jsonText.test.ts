import { describe, expect, it } from 'vitest';
import { JsonText, jsonText } from './jsonText.ts';

describe('jsonText', () => {
  const value = { a: [1, 'два', null], b: { c: true } };

  it('serialises plain values with JSON.stringify', () => {
    expect(jsonText(value)).toBe(JSON.stringify(value));
  });

  it('gives a JsonText its own text, and JSON.stringify gives the same', () => {
    const kept = new JsonText(JSON.stringify(value));
    expect(jsonText(kept)).toBe(JSON.stringify(value));
    expect(JSON.stringify(kept)).toBe(JSON.stringify(value));
    expect(JSON.stringify({ inner: kept })).toBe(JSON.stringify({ inner: value }));
  });
});

describe('JsonText of UTF-8 bytes', () => {
  it('gives the text the bytes encode', () => {
    const value = { a: 'пʼять', b: [1] };
    const kept = new JsonText(new TextEncoder().encode(JSON.stringify(value)));
    expect(jsonText(kept)).toBe(JSON.stringify(value));
    expect(JSON.stringify({ inner: kept })).toBe(JSON.stringify({ inner: value }));
  });
});
