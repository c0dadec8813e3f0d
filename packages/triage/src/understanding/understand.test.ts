import { describe, expect, it } from 'vitest';
import type { Finding } from '../knowledge/schema';
import { readAge, readDurationDays, readSeverity, readSex } from './demographics';
import { Lexicon, understand } from './understand';

const finding = (id: string, terms: string[]): Finding => ({ id, label: id, question: `Do you have ${id}?`, kind: 'symptom', terms });
const lexicon = new Lexicon([
  finding('sore-throat', ['sore throat', 'throat pain']),
  finding('fever', ['fever', 'temperature', 'a temperature', 'high temperature', 'feverish']),
  finding('cough', ['cough', 'coughing']),
  finding('chest-pain', ['chest pain', 'pain in my chest', 'tight chest']),
  finding('pain', ['pain']),
  finding('confusion', ['confused', 'confusion']),
  finding('yellow-eyes', ['yellow eyes', 'scleral icterus', 'jaundice']),
  finding('rash', ['rash']),
  finding('sweating', ['sweating', 'clammy']),
  finding('non-blanching-rash', ['does not fade', 'non-blanching']),
  finding('breathless', ['short of breath', 'breathless']),
]);
const u = (text: string) => understand(text, lexicon);

describe('understanding a description', () => {
  it('turns lay words into findings, longest phrase first', () => {
    const r = u('Sore throat and a temperature for 3 days, no cough');
    expect(r.present.sort()).toEqual(['fever', 'sore-throat']);
    expect(r.absent).toEqual(['cough']);
    expect(r.durationDays).toBe(3);
    expect(u('pain in my chest').present).toEqual(['chest-pain']);
  });

  it('reads the clinical example: age, sex, onset and signs', () => {
    const r = u('48-year-old woman, confused since this morning, yellow eyes');
    expect(r.present.sort()).toEqual(['confusion', 'yellow-eyes']);
    expect(r.age).toBe(48);
    expect(r.sex).toBe('female');
    expect(r.durationDays).toBe(0.25);
  });

  it.each([
    ['denies chest pain', [], ['chest-pain']],
    ['no fever or rash', [], ['fever', 'rash']],
    ['without a fever', [], ['fever']],
    ['chest pain, denies sweating', ['chest-pain'], ['sweating']],
    ['no fever, has a cough', ['cough'], ['fever']],
    ['no fever but coughing a lot', ['cough'], ['fever']],
    ['she does not have a cough', [], ['cough']],
    ['has not had a temperature', [], ['fever']],
    ['chest pain denied', [], ['chest-pain']],
    ['not confused', [], ['confusion']],
    ['the cough is no better and now I have a fever', ['cough', 'fever'], []],
    ['rash that does not fade when pressed', ['rash', 'non-blanching-rash'], []],
    ['I cannot stop coughing', ['cough'], []],
    ['not only a cough but a fever too', ['cough', 'fever'], []],
    ['negative for fever, positive for cough', ['cough'], ['fever']],
    ["can't catch my breath, I'm breathless", ['breathless'], []],
  ])('negation: %s', (text, present, absent) => {
    const r = u(text);
    expect(r.present.sort()).toEqual([...present].sort());
    expect(r.absent.sort()).toEqual([...absent].sort());
  });

  it('a finding said both ways counts as present (safer)', () => {
    expect(u('no fever yesterday, fever today').present).toEqual(['fever']);
  });
});

describe('age, sex, duration and severity', () => {
  it.each([
    ['48-year-old woman', 48], ['my 3 month old son', 0.25], ['aged 72', 72], ["I'm 34 and pregnant", 34], ['45M with chest pain', 45],
    ['6 week old baby', 0.12], ['my baby', 0.5], ['a 2 yr old', 2], ['I am 5 weeks pregnant', null], ['17 y/o male', 17],
  ])('age: %s', (text, age) => expect(readAge(text)).toBe(age));

  it.each([
    ['48-year-old woman', 'female'], ['my son has a rash', 'male'], ['he has a fever', 'male'], ['I have a headache', null],
    ['my daughter and her brother', 'female'], ['32F', 'female'], ['a 60 year old man', 'male'],
  ])('sex: %s', (text, sex) => expect(readSex(text)).toBe(sex));

  it.each([
    ['for 3 days', 3], ['for two weeks', 14], ['since yesterday', 1], ['since this morning', 0.25], ['for the past 6 hours', 0.25],
    ['started 10 days ago', 10], ['for a couple of days', 2], ['for about a month', 30], ['for a few days', 3], ['all day', null],
  ])('duration: %s', (text, days) => expect(readDurationDays(text)).toBe(days));

  it.each([
    ['the worst headache of my life', 'severe'], ['a mild sore throat', 'mild'], ['quite bad pain', 'moderate'], ['a sore throat', null],
  ])('severity: %s', (text, severity) => expect(readSeverity(text)).toBe(severity));
});

describe('quantities that are findings in themselves', () => {
  const overdose = new Lexicon([finding('took-overdose', ['overdose']), finding('paracetamol-overdose-taken', ['paracetamol overdose']), finding('nausea', ['nausea'])]);
  it.each([
    ['took about 30 paracetamol 500mg four hours ago', ['took-overdose', 'paracetamol-overdose-taken']],
    ['she swallowed twenty of her sertraline tablets', ['took-overdose']],
    ['I took 2 paracetamol for a headache', []],
    ['had 12 tablets of ibuprofen', ['took-overdose']],
  ])('%s', (text, findings) => expect(understand(text, overdose).present.sort()).toEqual([...findings].sort()));
});
