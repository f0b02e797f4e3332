// What the circle board's components and its form schemas share, without zod: the page ships no validation code
// (the JavaScript budget, DESIGN.md); the action validates.

/** The inputs of the create and edit circle forms. */
export const circleFormFields = ['nameAr', 'nameEn', 'nameFr', 'place', 'placeAr', 'placeEn', 'placeFr'] as const;

/** How auto-assignment may spread people of one group across circles; `none` balances sizes only. */
export const spreadOptions = ['organization', 'city', 'none'] as const;
