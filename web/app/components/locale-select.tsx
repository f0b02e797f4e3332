import type { ComponentProps } from 'react';
import { localeNames, locales } from '~/lib/locale';
import { SelectField } from './forms';

export function LocaleSelect(props: Omit<ComponentProps<typeof SelectField>, 'children'>) {
  return (
    <SelectField {...props}>
      {locales.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {localeNames[locale]}
        </option>
      ))}
    </SelectField>
  );
}
