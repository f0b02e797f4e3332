import { z } from 'zod';
import { spreadOptions } from './board';
import { localized } from './manage-schemas';

// Forms of the trainer's circle board (/{l}/manage/cohorts/{id}/circles). Validated by the action only; messages
// are catalog keys the form components translate.

const required = { required_error: 'validation.required', invalid_type_error: 'validation.required' };
const text = (max: number) => z.string().trim().max(max, 'manage.validation.tooLong').optional();
const id = z.string(required).trim().min(1, 'validation.required').max(100);

/** One checkbox sends a string, several an array, none nothing: always a list here. */
const idList = z.preprocess((value) => (value === undefined ? [] : typeof value === 'string' ? [value] : value), z.array(id).max(50));

const circleShape = {
  nameAr: text(120),
  nameEn: text(120),
  nameFr: text(120),
  place: z.enum(['online', 'city'], { errorMap: () => ({ message: 'manage.validation.place' }) }),
  placeAr: text(200),
  placeEn: text(200),
  placeFr: text(200),
};

export const createCircleSchema = z.object({ ...circleShape, coachIds: idList });

export const updateCircleSchema = z.object({ circleId: id, ...circleShape });

/** A name in at least one language, and a place unless the circle meets online: checked together with zod's messages. */
export function circleRuleErrors(formData: FormData): Record<string, string[]> {
  const value = (name: string) => {
    const raw = formData.get(name);
    return typeof raw === 'string' ? raw.trim() : '';
  };
  const errors: Record<string, string[]> = {};
  if (!value('nameAr') && !value('nameEn') && !value('nameFr')) errors.nameAr = ['manage.validation.nameRequired'];
  if (value('place') === 'city' && !value('placeAr') && !value('placeEn') && !value('placeFr')) errors.placeAr = ['board.validation.placeRequired'];
  return errors;
}

type CircleValues = z.infer<typeof updateCircleSchema> | z.infer<typeof createCircleSchema>;

/** The circle's own fields as the api takes them (`POST /api/cohorts/{id}/circles`, `PATCH /api/circles/{id}`). */
export function circleBody(value: CircleValues) {
  const online = value.place === 'online';
  return {
    name: localized(value.nameAr, value.nameEn, value.nameFr),
    online,
    place: online ? {} : localized(value.placeAr, value.placeEn, value.placeFr),
  };
}

/** The api's field names mapped to the form's inputs. */
export const circleFieldAliases: Record<string, string> = {
  name: 'nameAr',
  'name.ar': 'nameAr',
  'name.en': 'nameEn',
  'name.fr': 'nameFr',
  online: 'place',
  'place.ar': 'placeAr',
  'place.en': 'placeEn',
  'place.fr': 'placeFr',
};

export const coachSchema = z.object({ circleId: id, userId: id });

export const moveSchema = z.object({ enrollmentId: id, circleId: z.string(required).trim().min(1, 'board.validation.chooseCircle').max(100) });

export const removeMemberSchema = z.object({ circleId: id, enrollmentId: id });

export const circleIdSchema = z.object({ circleId: id });

export const autoAssignSchema = z.object({
  circles: z.coerce.number(required).int('board.validation.circles').min(1, 'board.validation.circles').max(50, 'board.validation.circles'),
  spreadBy: z.enum(spreadOptions, { errorMap: () => ({ message: 'board.validation.spreadBy' }) }),
  namePrefix: text(60),
});
