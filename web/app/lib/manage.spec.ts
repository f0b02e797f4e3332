import { endOfDayIn, formatDays, nextStatuses } from './manage';
import { cohortBody, cohortRuleErrors, questionsFrom } from './manage-schemas';

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

describe('cohort status moves', () => {
  it('offer only the moves the rules allow', () => {
    expect(nextStatuses('draft')).toEqual(['open']);
    expect(nextStatuses('open')).toEqual(['running', 'draft']);
    expect(nextStatuses('running')).toEqual(['completed']);
    expect(nextStatuses('completed')).toEqual([]);
  });
});

describe('invitation code expiry', () => {
  it('ends the chosen day at midnight in the cohort’s own time zone', () => {
    expect(endOfDayIn('2027-03-03', 'Asia/Amman')).toBe('2027-03-03T20:59:59.000Z');
    expect(endOfDayIn('2027-07-01', 'Africa/Tunis')).toBe('2027-07-01T22:59:59.000Z');
    expect(endOfDayIn('2027-07-01', 'UTC')).toBe('2027-07-01T23:59:59.000Z');
  });
});

describe('cohort days', () => {
  it('are calendar days, never moved by a time zone', () => {
    // Intl separates the range with thin spaces; compare the words.
    expect(formatDays('2027-03-01', '2027-05-31', 'en').replace(/\s/g, ' ')).toBe('Mar 1 – May 31, 2027');
    expect(formatDays('2027-03-01', '2027-03-01', 'en')).toBe('Mar 1, 2027');
    expect(formatDays('2027-03-01', '2027-05-31', 'fr')).toContain('1 mars');
  });
});

describe('the application questions editor', () => {
  it('ignores blank rows, keeps existing keys and gives new questions the next free key', () => {
    const questions = questionsFrom({
      q1Key: 'motivation',
      q1En: 'Why do you want to join?',
      q1Required: 'on',
      q2Ar: '',
      q3Ar: 'أين تعمل؟',
      q4En: 'Anything else?',
      q5Key: 'question-1',
      q5Fr: 'Votre quartier ?',
    });
    expect(questions).toEqual([
      { key: 'motivation', label: { en: 'Why do you want to join?' }, required: true },
      { key: 'question-2', label: { ar: 'أين تعمل؟' }, required: false },
      { key: 'question-3', label: { en: 'Anything else?' }, required: false },
      { key: 'question-1', label: { fr: 'Votre quartier ?' }, required: false },
    ]);
  });

  it('sends an online cohort without a city', () => {
    const body = cohortBody({
      nameEn: 'Online spring',
      startsOn: '2027-03-01',
      endsOn: '2027-05-31',
      timeZone: 'Asia/Amman',
      place: 'online',
      cityEn: 'Amman',
      capacity: 30,
      enrollmentMode: 'open',
    });
    expect(body).toEqual({
      name: { en: 'Online spring' },
      startsOn: '2027-03-01',
      endsOn: '2027-05-31',
      timeZone: 'Asia/Amman',
      online: true,
      capacity: 30,
      enrollmentMode: 'open',
      applicationQuestions: [],
    });
  });
});

describe('rules across the cohort form’s fields', () => {
  it('ask for a name in some language, a city unless online, and a last day not before the first', () => {
    expect(cohortRuleErrors(form({ place: 'city', startsOn: '2027-04-10', endsOn: '2027-04-01' }))).toEqual({
      nameAr: ['manage.validation.nameRequired'],
      cityAr: ['manage.validation.cityRequired'],
      endsOn: ['manage.validation.endsBeforeStart'],
    });
    expect(cohortRuleErrors(form({ nameFr: 'Cohorte', place: 'online', startsOn: '2027-04-01', endsOn: '2027-04-01' }))).toEqual({});
  });
});
