import type { Locale } from '../../common/localized-text';
import { LocaleField, NameField, TimeZoneField } from './profile-fields';

/** PATCH /api/me: only the fields sent change; names may be emptied as long as one remains. */
export class UpdateMeDto {
  @NameField('Name in Latin script') nameLatin?: string;
  @NameField('Name in Arabic script') nameArabic?: string;
  @LocaleField(false) locale?: Locale;
  @TimeZoneField(false) timeZone?: string;
}
