import type { Locale, LocalizedText } from '../common/localized-text';
import type { OrganizationKind } from '../organizations/organization.entity';
import type { OrganizationRole } from '../organizations/organization-member.entity';

/** Every demo account signs in with this password (DESIGN.md, Stable public surfaces). */
export const DEMO_PASSWORD = 'halaqa-demo';

export interface DemoOrganization {
  id: string;
  name: LocalizedText;
  kind: OrganizationKind;
  country: string;
  city: LocalizedText;
  description: LocalizedText;
  website: string | null;
}

export interface DemoUser {
  id: string;
  email: string;
  nameLatin: string;
  nameArabic: string;
  locale: Locale;
  timeZone: string;
  isAdmin?: boolean;
  memberships?: { organizationId: string; role: OrganizationRole }[];
}

// Fixed ids keep the demo idempotent and its URLs stable across machines.
export const ORG = {
  circles: '6f1c2a3e-0000-4000-8000-000000000001',
  hebron: '6f1c2a3e-0000-4000-8000-000000000002',
  tunis: '6f1c2a3e-0000-4000-8000-000000000003',
  najaf: '6f1c2a3e-0000-4000-8000-000000000004',
  fund: '6f1c2a3e-0000-4000-8000-000000000005',
  baghdad: '6f1c2a3e-0000-4000-8000-000000000006',
} as const;

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    id: ORG.circles,
    name: { ar: 'شبكة حلقات التنظيم المجتمعي', en: 'Community Organizing Circles Network', fr: 'Réseau des cercles d’organisation communautaire' },
    kind: 'network',
    country: 'JO',
    city: { ar: 'عمّان', en: 'Amman', fr: 'Amman' },
    description: {
      ar: 'مبادرة تطوعية تنشر التنظيم المجتمعي القائم على القيم: القصة العامة، وبناء العلاقات، وفرق القيادة، والاستراتيجية، والعمل القابل للقياس. تلتقي حلقات التعلم كل أسبوعين في عمّان.',
      en: 'A volunteer initiative spreading values-based community organizing: public narrative, relationships, leadership teams, strategy and measurable action. Its learning circles meet every two weeks in Amman.',
      fr: 'Une initiative bénévole qui diffuse l’organisation communautaire fondée sur les valeurs : récit public, relations, équipes de leadership, stratégie et action mesurable. Ses cercles d’apprentissage se réunissent toutes les deux semaines à Amman.',
    },
    website: null,
  },
  {
    id: ORG.hebron,
    name: { ar: 'جمعية تنمية المجتمعات المحلية', en: 'Local Communities Development Association', fr: 'Association de développement des communautés locales' },
    kind: 'cso',
    country: 'PS',
    city: { ar: 'الخليل', en: 'Hebron', fr: 'Hébron' },
    description: {
      ar: 'تعمل مع المجالس القروية والشباب في جنوب الضفة الغربية على التخطيط التنموي بالمشاركة وحملات الخدمات المحلية.',
      en: 'Works with village councils and young people in the southern West Bank on participatory development planning and local-services campaigns.',
      fr: 'Travaille avec les conseils de village et les jeunes du sud de la Cisjordanie sur la planification participative et les campagnes pour les services locaux.',
    },
    website: null,
  },
  {
    id: ORG.tunis,
    name: { ar: 'شبكة الجمعيات المواطنية', en: 'Citizen Associations Network', fr: 'Réseau des associations citoyennes' },
    kind: 'network',
    country: 'TN',
    city: { ar: 'تونس', en: 'Tunis', fr: 'Tunis' },
    description: {
      ar: 'دليل ومنصة تشبيك للجمعيات التونسية وشركائها التقنيين والماليين، مع أجندة لفعاليات المجتمع المدني.',
      en: 'A directory and networking platform for Tunisian associations and their technical and financial partners, with a calendar of civil-society events.',
      fr: 'Un annuaire et une plateforme de mise en réseau des associations tunisiennes et de leurs partenaires techniques et financiers, avec un agenda des événements de la société civile.',
    },
    website: null,
  },
  {
    id: ORG.najaf,
    name: { ar: 'منتدى النجف الاجتماعي', en: 'Najaf Social Forum', fr: 'Forum social de Najaf' },
    kind: 'cso',
    country: 'IQ',
    city: { ar: 'النجف', en: 'Najaf', fr: 'Nadjaf' },
    description: {
      ar: 'منتدى لمتطوعين شباب ينظم تدريبات على اللاعنف الاستراتيجي والعمل المدني السلمي.',
      en: 'A forum of young volunteers that runs trainings in strategic nonviolence and peaceful civic action.',
      fr: 'Un forum de jeunes bénévoles qui organise des formations à la non-violence stratégique et à l’action civique pacifique.',
    },
    website: null,
  },
  {
    id: ORG.baghdad,
    name: { ar: 'منتدى بغداد الاجتماعي', en: 'Baghdad Social Forum', fr: 'Forum social de Bagdad' },
    kind: 'cso',
    country: 'IQ',
    city: { ar: 'بغداد', en: 'Baghdad', fr: 'Bagdad' },
    description: {
      ar: 'متطوعون من أحياء بغداد يعملون على حملات الخدمات العامة والحوار المجتمعي.',
      en: 'Volunteers from Baghdad’s neighbourhoods working on public-services campaigns and community dialogue.',
      fr: 'Des bénévoles des quartiers de Bagdad engagés dans des campagnes pour les services publics et le dialogue communautaire.',
    },
    website: null,
  },
  {
    id: ORG.fund,
    name: { ar: 'صندوق المبادرات المدنية', en: 'Civic Initiatives Fund', fr: 'Fonds pour les initiatives civiques' },
    kind: 'funder',
    country: 'TN',
    city: { ar: 'تونس', en: 'Tunis', fr: 'Tunis' },
    description: {
      ar: 'جهة مانحة تدعم تدريب كوادر منظمات المجتمع المدني في المنطقة وتتابع نتائجه.',
      en: 'A funder supporting the training of civil-society staff across the region and following its results.',
      fr: 'Un bailleur qui soutient la formation des équipes de la société civile dans la région et en suit les résultats.',
    },
    website: null,
  },
];

export const DEMO_USERS: DemoUser[] = [
  { id: '7a2b3c4d-0000-4000-8000-000000000001', email: 'admin@example.org', nameLatin: 'Rana Haddad', nameArabic: 'رنا حداد', locale: 'ar', timeZone: 'Asia/Amman', isAdmin: true },
  { id: '7a2b3c4d-0000-4000-8000-000000000002', email: 'trainer@example.org', nameLatin: 'Samir Khoury', nameArabic: 'سمير الخوري', locale: 'ar', timeZone: 'Asia/Amman' },
  { id: '7a2b3c4d-0000-4000-8000-000000000003', email: 'coach@example.org', nameLatin: 'Leila Ben Salah', nameArabic: 'ليلى بن صالح', locale: 'fr', timeZone: 'Africa/Tunis' },
  {
    id: '7a2b3c4d-0000-4000-8000-000000000004',
    email: 'trainee@example.org',
    nameLatin: 'Omar Al-Tamimi',
    nameArabic: 'عمر التميمي',
    locale: 'ar',
    timeZone: 'Asia/Hebron',
    memberships: [{ organizationId: ORG.hebron, role: 'staff' }],
  },
  {
    id: '7a2b3c4d-0000-4000-8000-000000000005',
    email: 'partner@example.org',
    nameLatin: 'Huda Al-Jubouri',
    nameArabic: 'هدى الجبوري',
    locale: 'ar',
    timeZone: 'Asia/Baghdad',
    memberships: [{ organizationId: ORG.najaf, role: 'manager' }],
  },
  {
    id: '7a2b3c4d-0000-4000-8000-000000000006',
    email: 'graduate@example.org',
    nameLatin: 'Yasmine Trabelsi',
    nameArabic: 'ياسمين الطرابلسي',
    locale: 'en',
    timeZone: 'Africa/Tunis',
    memberships: [{ organizationId: ORG.tunis, role: 'staff' }],
  },
  // Staff of the partner organizations, so that member lists are worth looking at.
  { id: '7a2b3c4d-0000-4000-8000-000000000007', email: 'ali.kadhim@example.org', nameLatin: 'Ali Kadhim', nameArabic: 'علي كاظم', locale: 'ar', timeZone: 'Asia/Baghdad', memberships: [{ organizationId: ORG.najaf, role: 'staff' }] },
  { id: '7a2b3c4d-0000-4000-8000-000000000008', email: 'zainab.hassan@example.org', nameLatin: 'Zainab Hassan', nameArabic: 'زينب حسن', locale: 'ar', timeZone: 'Asia/Baghdad', memberships: [{ organizationId: ORG.najaf, role: 'staff' }] },
  { id: '7a2b3c4d-0000-4000-8000-000000000009', email: 'mustafa.najafi@example.org', nameLatin: '', nameArabic: 'مصطفى النجفي', locale: 'ar', timeZone: 'Asia/Baghdad', memberships: [{ organizationId: ORG.najaf, role: 'staff' }] },
  { id: '7a2b3c4d-0000-4000-8000-00000000000a', email: 'mariam.abuaisha@example.org', nameLatin: 'Mariam Abu Aisha', nameArabic: 'مريم أبو عيشة', locale: 'ar', timeZone: 'Asia/Hebron', memberships: [{ organizationId: ORG.hebron, role: 'manager' }] },
  { id: '7a2b3c4d-0000-4000-8000-00000000000b', email: 'sami.gharbi@example.org', nameLatin: 'Sami Gharbi', nameArabic: '', locale: 'fr', timeZone: 'Africa/Tunis', memberships: [{ organizationId: ORG.tunis, role: 'manager' }] },
];
