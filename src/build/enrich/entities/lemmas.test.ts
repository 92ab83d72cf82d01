import { describe, expect, it } from 'vitest';
import { labelNominative } from './lemmas.ts';

describe('labels in their base form (dictionary-uk)', () => {
  it('undoes the case of names and places seen only in an oblique case', () => {
    expect(labelNominative('Берліна')).toBe('Берлін');
    expect(labelNominative('Джастіна Трюдо')).toBe('Джастін Трюдо');
    expect(labelNominative('Києва')).toBe('Київ');
    expect(labelNominative('Казахстану')).toBe('Казахстан');
    expect(labelNominative('Львова')).toBe('Львів');
    expect(labelNominative('Брюсселя')).toBe('Брюссель');
    expect(labelNominative('Азії')).toBe('Азія');
    expect(labelNominative('Верховного суду')).toBe('Верховний суд');
    expect(labelNominative('воєнного стану')).toBe('воєнний стан');
    expect(labelNominative('Національного агентства')).toBe('Національне агентство');
    expect(labelNominative('Володимира Путіна')).toBe('Володимир Путін');
  });
  it('leaves a base form, a foreign or unknown word, and a label it cannot wholly mend as they were', () => {
    expect(labelNominative('Азія Бібі', new Set(['Бібі']))).toBe('Азія Бібі');
    for (const label of ['Ангела Меркель', 'Олена Зеркаль', 'Руді Джуліані', 'Ради Європи', 'Голос Америки', 'Демократична партія', 'Українські Новини', 'умови угоди', 'Тереза Мей', 'Берлін', 'Трюдо', 'НАТО', 'Ryanair', 'Ашіг Масіх', 'Техрік-є-Лабаік Пакистан']) expect(labelNominative(label)).toBe(label);
  });
});
