import { useTranslation } from 'react-i18next';
import { enrollmentModes, maxQuestionRows, questionRows } from '~/lib/manage';
import type { FieldMeta } from '~/lib/use-form';
import { FieldErrors, TextField, useErrorText } from './forms';
import { TimeZoneSelect } from './time-zone-select';

/** A date or number input: a TextField whose digits always read left to right. */
export function InputField(props: { field: FieldMeta; label: string; type: 'date' | 'number'; hint?: string; min?: number; max?: number }) {
  return <TextField {...props} dir="ltr" />;
}

/** Radio buttons in a fieldset, with the fieldset's messages. */
export function RadioGroup({
  field,
  legend,
  options,
}: {
  field: FieldMeta;
  legend: string;
  options: { value: string; label: string; hint?: string }[];
}) {
  return (
    <fieldset className="fieldset" aria-describedby={field.errors?.length ? field.errorId : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type="radio" name={field.name} value={option.value} defaultChecked={field.defaultValue === option.value} />
          <span>
            {option.label}
            {option.hint ? <span className="hint">{option.hint}</span> : null}
          </span>
        </label>
      ))}
      <FieldErrors field={field} />
    </fieldset>
  );
}

export type CohortFieldName =
  | 'nameAr'
  | 'nameEn'
  | 'nameFr'
  | 'startsOn'
  | 'endsOn'
  | 'timeZone'
  | 'place'
  | 'cityAr'
  | 'cityEn'
  | 'cityFr'
  | 'capacity'
  | 'enrollmentMode';

/** How many question rows to show: the fixed number, or the existing questions plus two blank rows. */
export function questionRowCount(existing: number): number {
  return Math.min(maxQuestionRows, Math.max(questionRows, existing + 2));
}

export interface QuestionRowValue {
  key?: string;
  ar?: string;
  en?: string;
  fr?: string;
  required?: boolean;
}

/** The cohort's own fields, shared by the create and edit forms. */
export function CohortFields({
  formId,
  fields,
  otherZones,
  questions,
  questionErrors,
}: {
  formId: string;
  fields: Record<CohortFieldName, FieldMeta>;
  otherZones: string[];
  questions: QuestionRowValue[];
  questionErrors?: string[];
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('manage.form.name')}</legend>
        <p className="hint">{t('manage.form.nameHint')}</p>
        <TextField field={fields.nameAr} label={t('manage.form.inArabic')} dir="rtl" />
        <TextField field={fields.nameEn} label={t('manage.form.inEnglish')} dir="ltr" />
        <TextField field={fields.nameFr} label={t('manage.form.inFrench')} dir="ltr" />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('manage.form.dates')}</legend>
        <div className="field-pair">
          <InputField field={fields.startsOn} label={t('manage.form.startsOn')} type="date" />
          <InputField field={fields.endsOn} label={t('manage.form.endsOn')} type="date" />
        </div>
        <TimeZoneSelect field={fields.timeZone} otherZones={otherZones} hint={t('manage.form.timeZoneHint')} />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('manage.form.place')}</legend>
        <RadioGroup
          field={fields.place}
          legend={t('manage.form.placeKind')}
          options={[
            { value: 'city', label: t('manage.form.inCity') },
            { value: 'online', label: t('manage.form.online') },
          ]}
        />
        <p className="hint">{t('manage.form.cityHint')}</p>
        <TextField field={fields.cityAr} label={t('manage.form.cityAr')} dir="rtl" />
        <TextField field={fields.cityEn} label={t('manage.form.cityEn')} dir="ltr" />
        <TextField field={fields.cityFr} label={t('manage.form.cityFr')} dir="ltr" />
      </fieldset>

      <InputField field={fields.capacity} label={t('manage.form.capacity')} type="number" min={1} hint={t('manage.form.capacityHint')} />

      <RadioGroup
        field={fields.enrollmentMode}
        legend={t('manage.form.mode')}
        options={enrollmentModes.map((mode) => ({
          value: mode,
          label: t(`manage.modes.${mode}`),
          hint: t(`manage.modeHints.${mode}`),
        }))}
      />

      <fieldset className="fieldset" id={`${formId}-questions`}>
        <legend>{t('manage.form.questions')}</legend>
        <p className="hint">{t('manage.form.questionsHint')}</p>
        {questionErrors?.length ? (
          <ul className="field-errors">
            {questionErrors.map((message) => (
              <li key={message}>{errorText(message)}</li>
            ))}
          </ul>
        ) : null}
        <ol className="question-rows">
          {Array.from({ length: questionRowCount(questions.length) }, (_, index) => {
            const row = index + 1;
            const value = questions[index] ?? {};
            const idOf = (part: string) => `${formId}-q${row}${part}`;
            return (
              <li key={row}>
                {/* Each row is its own group, so "In Arabic" is heard as part of "Question 2". */}
                <fieldset className="question-row">
                  <legend className="question-number">{t('manage.form.questionN', { n: row })}</legend>
                  {value.key ? <input type="hidden" name={`q${row}Key`} value={value.key} /> : null}
                  <div className="field">
                    <label htmlFor={idOf('Ar')}>{t('manage.form.inArabic')}</label>
                    <input id={idOf('Ar')} name={`q${row}Ar`} defaultValue={value.ar} dir="rtl" />
                  </div>
                  <div className="field">
                    <label htmlFor={idOf('En')}>{t('manage.form.inEnglish')}</label>
                    <input id={idOf('En')} name={`q${row}En`} defaultValue={value.en} dir="ltr" />
                  </div>
                  <div className="field">
                    <label htmlFor={idOf('Fr')}>{t('manage.form.inFrench')}</label>
                    <input id={idOf('Fr')} name={`q${row}Fr`} defaultValue={value.fr} dir="ltr" />
                  </div>
                  <label className="choice">
                    <input type="checkbox" name={`q${row}Required`} defaultChecked={value.required} />
                    <span>{t('manage.form.questionRequired')}</span>
                  </label>
                </fieldset>
              </li>
            );
          })}
        </ol>
      </fieldset>
    </>
  );
}

/** The editor's rows as the action received them (to show again after an error), or as the cohort has them. */
export function questionRowsFrom(values: Record<string, unknown> | null | undefined): QuestionRowValue[] | null {
  if (!values) return null;
  const rows: QuestionRowValue[] = [];
  for (let row = 1; row <= maxQuestionRows; row += 1) {
    const pick = (part: string) => (typeof values[`q${row}${part}`] === 'string' ? (values[`q${row}${part}`] as string) : undefined);
    const value = {
      key: pick('Key'),
      ar: pick('Ar'),
      en: pick('En'),
      fr: pick('Fr'),
      required: values[`q${row}Required`] === 'on',
    };
    if (value.ar || value.en || value.fr) rows.push(value);
  }
  return rows;
}
