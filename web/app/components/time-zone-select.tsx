import { useTranslation } from 'react-i18next';
import { regionTimeZones } from '~/lib/time-zones';
import { SelectField } from './forms';
import type { ComponentProps } from 'react';

type Props = Omit<ComponentProps<typeof SelectField>, 'children' | 'label'> & { otherZones: string[] };

export function TimeZoneSelect({ otherZones, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <SelectField {...props} label={t('form.timeZone')}>
      <optgroup label={t('form.timeZoneRegion')}>
        {regionTimeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('form.timeZoneOther')}>
        {otherZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </optgroup>
    </SelectField>
  );
}
