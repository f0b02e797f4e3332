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

// ——— Cohorts (issue 3) ———

/** Staff and trainees who make rosters look real; none of them belongs to an organization. */
const PEOPLE: [id: string, email: string, nameLatin: string, nameArabic: string, locale: Locale, timeZone: string][] = [
  // More staff: a Tunisian lead trainer, coaches in Iraq and Palestine.
  ['7a2b3c4d-0000-4000-8000-000000000101', 'nadia.ferchichi@example.org', 'Nadia Ferchichi', 'نادية الفرشيشي', 'fr', 'Africa/Tunis'],
  ['7a2b3c4d-0000-4000-8000-000000000102', 'karrar.alyasiri@example.org', 'Karrar Al-Yasiri', 'كرار الياسري', 'ar', 'Asia/Baghdad'],
  ['7a2b3c4d-0000-4000-8000-000000000103', 'lama.nasser@example.org', 'Lama Nasser', 'لمى ناصر', 'ar', 'Asia/Hebron'],
  // Jordan
  ['7a2b3c4d-0000-4000-8000-000000000111', 'rasha.odeh@example.org', 'Rasha Odeh', 'رشا عودة', 'ar', 'Asia/Amman'],
  ['7a2b3c4d-0000-4000-8000-000000000112', 'khaled.masri@example.org', 'Khaled Al-Masri', 'خالد المصري', 'ar', 'Asia/Amman'],
  ['7a2b3c4d-0000-4000-8000-000000000113', 'dana.haddadin@example.org', 'Dana Haddadin', 'دانا حدادين', 'en', 'Asia/Amman'],
  ['7a2b3c4d-0000-4000-8000-000000000114', 'yazan.obeidat@example.org', 'Yazan Obeidat', 'يزن عبيدات', 'ar', 'Asia/Amman'],
  ['7a2b3c4d-0000-4000-8000-000000000115', 'lina.khasawneh@example.org', 'Lina Khasawneh', 'لينا الخصاونة', 'ar', 'Asia/Amman'],
  ['7a2b3c4d-0000-4000-8000-000000000116', 'hamza.zoubi@example.org', 'Hamza Al-Zoubi', 'حمزة الزعبي', 'ar', 'Asia/Amman'],
  ['7a2b3c4d-0000-4000-8000-000000000117', 'noor.abughazaleh@example.org', 'Noor Abu Ghazaleh', 'نور أبو غزالة', 'en', 'Asia/Amman'],
  ['7a2b3c4d-0000-4000-8000-000000000118', 'tareq.shahin@example.org', '', 'طارق شاهين', 'ar', 'Asia/Amman'],
  // Palestine
  ['7a2b3c4d-0000-4000-8000-000000000121', 'aseel.barghouti@example.org', 'Aseel Barghouti', 'أسيل البرغوثي', 'ar', 'Asia/Hebron'],
  ['7a2b3c4d-0000-4000-8000-000000000122', 'majd.qawasmeh@example.org', 'Majd Qawasmeh', 'مجد القواسمي', 'ar', 'Asia/Hebron'],
  ['7a2b3c4d-0000-4000-8000-000000000123', 'ruba.shalabi@example.org', 'Ruba Shalabi', 'ربى شلبي', 'en', 'Asia/Hebron'],
  ['7a2b3c4d-0000-4000-8000-000000000124', 'fadi.awad@example.org', 'Fadi Awad', 'فادي عوض', 'ar', 'Asia/Hebron'],
  ['7a2b3c4d-0000-4000-8000-000000000125', 'salma.hamdan@example.org', 'Salma Hamdan', 'سلمى حمدان', 'ar', 'Asia/Hebron'],
  ['7a2b3c4d-0000-4000-8000-000000000126', 'ibrahim.jaabari@example.org', 'Ibrahim Jaabari', 'إبراهيم الجعبري', 'ar', 'Asia/Hebron'],
  ['7a2b3c4d-0000-4000-8000-000000000127', 'haneen.zaid@example.org', 'Haneen Zaid', 'حنين زيد', 'ar', 'Asia/Hebron'],
  ['7a2b3c4d-0000-4000-8000-000000000128', 'mohammad.amro@example.org', 'Mohammad Amro', 'محمد عمرو', 'ar', 'Asia/Hebron'],
  // Tunisia
  ['7a2b3c4d-0000-4000-8000-000000000131', 'amira.jebali@example.org', 'Amira Jebali', 'أميرة الجبالي', 'fr', 'Africa/Tunis'],
  ['7a2b3c4d-0000-4000-8000-000000000132', 'walid.ferjani@example.org', 'Walid Ferjani', 'وليد الفرجاني', 'fr', 'Africa/Tunis'],
  ['7a2b3c4d-0000-4000-8000-000000000133', 'sarra.benamor@example.org', 'Sarra Ben Amor', 'سارة بن عمر', 'fr', 'Africa/Tunis'],
  ['7a2b3c4d-0000-4000-8000-000000000134', 'anis.mejri@example.org', 'Anis Mejri', '', 'fr', 'Africa/Tunis'],
  ['7a2b3c4d-0000-4000-8000-000000000135', 'ines.chaabane@example.org', 'Inès Chaabane', 'إيناس شعبان', 'fr', 'Africa/Tunis'],
  ['7a2b3c4d-0000-4000-8000-000000000136', 'mehdi.kacem@example.org', 'Mehdi Kacem', 'مهدي قاسم', 'ar', 'Africa/Tunis'],
  // Iraq
  ['7a2b3c4d-0000-4000-8000-000000000141', 'hussein.hakim@example.org', 'Hussein Al-Hakim', 'حسين الحكيم', 'ar', 'Asia/Baghdad'],
  ['7a2b3c4d-0000-4000-8000-000000000142', 'fatima.musawi@example.org', 'Fatima Al-Musawi', 'فاطمة الموسوي', 'ar', 'Asia/Baghdad'],
  ['7a2b3c4d-0000-4000-8000-000000000143', 'ahmed.khafaji@example.org', 'Ahmed Al-Khafaji', 'أحمد الخفاجي', 'ar', 'Asia/Baghdad'],
  ['7a2b3c4d-0000-4000-8000-000000000144', 'sara.jawad@example.org', 'Sara Jawad', 'سارة جواد', 'en', 'Asia/Baghdad'],
  ['7a2b3c4d-0000-4000-8000-000000000145', 'abbas.shammari@example.org', 'Abbas Al-Shammari', 'عباس الشمري', 'ar', 'Asia/Baghdad'],
  ['7a2b3c4d-0000-4000-8000-000000000146', 'maryam.rubaie@example.org', 'Maryam Al-Rubaie', 'مريم الربيعي', 'ar', 'Asia/Baghdad'],
  ['7a2b3c4d-0000-4000-8000-000000000147', 'haider.salman@example.org', 'Haider Salman', 'حيدر سلمان', 'ar', 'Asia/Baghdad'],
  ['7a2b3c4d-0000-4000-8000-000000000148', 'zahraa.kareem@example.org', '', 'زهراء كريم', 'ar', 'Asia/Baghdad'],
  ['7a2b3c4d-0000-4000-8000-000000000149', 'mustafa.obaidi@example.org', 'Mustafa Al-Obaidi', 'مصطفى العبيدي', 'ar', 'Asia/Baghdad'],
  ['7a2b3c4d-0000-4000-8000-00000000014a', 'ruqaya.hadi@example.org', 'Ruqaya Hadi', 'رقية هادي', 'ar', 'Asia/Baghdad'],
];
DEMO_USERS.push(...PEOPLE.map(([id, email, nameLatin, nameArabic, locale, timeZone]) => ({ id, email, nameLatin, nameArabic, locale, timeZone })));

/** Trainees who are staff of a partner organization, which sponsors them in the cohorts below (issue 7's dashboards). */
const PARTNER_STAFF: Array<[email: string, organizationId: string]> = [
  ['hussein.hakim@example.org', ORG.najaf],
  ['fatima.musawi@example.org', ORG.najaf],
  ['haider.salman@example.org', ORG.najaf],
  ['ibrahim.jaabari@example.org', ORG.hebron],
  ['haneen.zaid@example.org', ORG.hebron],
  ['fadi.awad@example.org', ORG.hebron],
];
for (const [email, organizationId] of PARTNER_STAFF) {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (user) user.memberships = [{ organizationId, role: 'staff' }];
}

export const COHORT = {
  amman: '5c0e4b2a-0000-4000-8000-000000000001',
  ramallah: '5c0e4b2a-0000-4000-8000-000000000002',
  tunis: '5c0e4b2a-0000-4000-8000-000000000003',
  najaf: '5c0e4b2a-0000-4000-8000-000000000004',
  baghdad: '5c0e4b2a-0000-4000-8000-000000000005',
  online: '5c0e4b2a-0000-4000-8000-000000000006',
  irbid: '5c0e4b2a-0000-4000-8000-000000000007',
} as const;

/** The Tunis cohort's invite code, as a trainer would read it out (only its SHA-256 is stored). */
export const DEMO_INVITE_CODE = 'TUNIS-RECIT-2026';

export type DemoEnrollmentStatus = 'applied' | 'waitlisted' | 'active' | 'withdrawn' | 'completed' | 'rejected';

export interface DemoEnrollment {
  email: string;
  status: DemoEnrollmentStatus;
  answers?: Record<string, string>;
  /** Placed by this organization into its seats. */
  organizationId?: string;
  /** Joined on their own, naming this organization as theirs (reported to it, holding none of its seats). */
  namedOrganizationId?: string;
  consentToShare?: boolean;
  viaInviteCode?: boolean;
}

export interface DemoCohort {
  id: string;
  courseSlug: string;
  name: LocalizedText;
  /** Days from the day the demo is loaded, so the demo never looks stale. */
  startsInDays: number;
  lengthInDays: number;
  timeZone: string;
  online: boolean;
  city: LocalizedText;
  capacity: number;
  enrollmentMode: 'open' | 'application' | 'invite';
  status: 'draft' | 'open' | 'running' | 'completed';
  applicationQuestions?: { key: string; label: LocalizedText; required: boolean }[];
  staff: { email: string; role: 'lead_trainer' | 'coach' }[];
  seats?: { organizationId: string; seats: number }[];
  inviteCode?: { code: string; maxUses: number | null; expiresInDays: number | null };
  enrollments: DemoEnrollment[];
}

const active = (...emails: string[]): DemoEnrollment[] => emails.map((email) => ({ email, status: 'active' }));
const completed = (...emails: string[]): DemoEnrollment[] => emails.map((email) => ({ email, status: 'completed' }));
const waitlisted = (...emails: string[]): DemoEnrollment[] => emails.map((email) => ({ email, status: 'waitlisted' }));
/** Staff an organization placed in its seats, each with whether they agreed to share their progress with it. */
const sponsored = (organizationId: string, status: DemoEnrollmentStatus, ...people: Array<[email: string, consentToShare: boolean]>): DemoEnrollment[] =>
  people.map(([email, consentToShare]) => ({ email, status, organizationId, consentToShare }));

const MOTIVATION = { ar: 'لماذا تريد الانضمام إلى هذه الدفعة؟', en: 'Why do you want to join this cohort?', fr: 'Pourquoi voulez-vous rejoindre cette cohorte ?' };
const COMMUNITY = { ar: 'ما المجتمع أو القضية التي تعمل معها؟', en: 'Which community or cause do you work with?', fr: 'Avec quelle communauté ou pour quelle cause agissez-vous ?' };

export const DEMO_COHORTS: DemoCohort[] = [
  {
    id: COHORT.amman,
    courseSlug: 'public-narrative',
    name: { ar: 'دفعة عمّان — لقاءات مسائية', en: 'Amman cohort — evening sessions', fr: 'Cohorte d’Amman — séances du soir' },
    startsInDays: 21,
    lengthInDays: 84,
    timeZone: 'Asia/Amman',
    online: false,
    city: { ar: 'عمّان', en: 'Amman', fr: 'Amman' },
    capacity: 24,
    enrollmentMode: 'application',
    status: 'open',
    applicationQuestions: [
      { key: 'motivation', label: MOTIVATION, required: true },
      { key: 'community', label: COMMUNITY, required: false },
    ],
    staff: [
      { email: 'trainer@example.org', role: 'lead_trainer' },
      { email: 'coach@example.org', role: 'coach' },
    ],
    enrollments: [
      {
        email: 'trainee@example.org',
        status: 'applied',
        answers: { motivation: 'أريد أن أروي قصة حملتنا للمياه في الخليل بطريقة تحرّك الناس.', community: 'شباب المجالس القروية جنوب الخليل' },
      },
      { email: 'rasha.odeh@example.org', status: 'applied', answers: { motivation: 'أعمل مع لجان الأحياء في جبل النصر وأحتاج أن أتعلّم كيف أجمع الناس حول قصة مشتركة.' } },
      { email: 'dana.haddadin@example.org', status: 'applied', answers: { motivation: 'I coordinate volunteers for a reading campaign and our story keeps getting lost in statistics.', community: 'Public libraries in East Amman' } },
      { email: 'yazan.obeidat@example.org', status: 'applied', answers: { motivation: 'نريد أن نطلق حملة لحماية الأراضي الزراعية في إربد.' } },
      ...active('khaled.masri@example.org', 'lina.khasawneh@example.org', 'hamza.zoubi@example.org', 'noor.abughazaleh@example.org', 'tareq.shahin@example.org'),
      { email: 'mohammad.amro@example.org', status: 'rejected', answers: { motivation: 'للاطلاع فقط.' } },
    ],
  },
  {
    id: COHORT.ramallah,
    courseSlug: 'campaign-management',
    name: { ar: 'دفعة رام الله لإدارة الحملات', en: 'Ramallah campaign management cohort', fr: 'Cohorte de Ramallah — gestion de campagne' },
    startsInDays: -35,
    lengthInDays: 84,
    timeZone: 'Asia/Hebron',
    online: false,
    city: { ar: 'رام الله', en: 'Ramallah', fr: 'Ramallah' },
    capacity: 20,
    enrollmentMode: 'open',
    status: 'running',
    staff: [
      { email: 'trainer@example.org', role: 'lead_trainer' },
      { email: 'lama.nasser@example.org', role: 'coach' },
      { email: 'coach@example.org', role: 'coach' },
    ],
    // The Hebron organization placed five of its staff in its seats; Ibrahim has not agreed to share his progress.
    seats: [{ organizationId: ORG.hebron, seats: 6 }],
    enrollments: [
      ...active('aseel.barghouti@example.org', 'majd.qawasmeh@example.org', 'ruba.shalabi@example.org', 'salma.hamdan@example.org'),
      ...sponsored(ORG.hebron, 'active', ['trainee@example.org', true], ['fadi.awad@example.org', true], ['ibrahim.jaabari@example.org', false], ['haneen.zaid@example.org', true], ['mariam.abuaisha@example.org', true]),
      { email: 'mohammad.amro@example.org', status: 'withdrawn' },
    ],
  },
  {
    id: COHORT.tunis,
    courseSlug: 'public-narrative',
    // French first: the cohort is run in French; English readers see the Arabic name (and the page says so).
    name: { fr: 'Cohorte de Tunis — récit public', ar: 'دفعة تونس — السرد العام' },
    startsInDays: 14,
    lengthInDays: 70,
    timeZone: 'Africa/Tunis',
    online: false,
    city: { fr: 'Tunis', ar: 'تونس', en: 'Tunis' },
    capacity: 18,
    enrollmentMode: 'invite',
    status: 'open',
    staff: [
      { email: 'nadia.ferchichi@example.org', role: 'lead_trainer' },
      { email: 'coach@example.org', role: 'coach' },
    ],
    inviteCode: { code: DEMO_INVITE_CODE, maxUses: 25, expiresInDays: 45 },
    enrollments: [
      ...['amira.jebali@example.org', 'walid.ferjani@example.org', 'sarra.benamor@example.org', 'anis.mejri@example.org', 'sami.gharbi@example.org'].map((email) => ({ email, status: 'active' as const, viaInviteCode: true })),
    ],
  },
  {
    id: COHORT.najaf,
    courseSlug: 'strategic-nonviolence',
    name: { ar: 'دفعة النجف — اللاعنف الاستراتيجي', en: 'Najaf cohort — strategic nonviolence', fr: 'Cohorte de Nadjaf — non-violence stratégique' },
    startsInDays: 30,
    lengthInDays: 42,
    timeZone: 'Asia/Baghdad',
    online: false,
    city: { ar: 'النجف', en: 'Najaf', fr: 'Nadjaf' },
    capacity: 30,
    enrollmentMode: 'open',
    status: 'open',
    staff: [
      { email: 'trainer@example.org', role: 'lead_trainer' },
      { email: 'karrar.alyasiri@example.org', role: 'coach' },
    ],
    seats: [{ organizationId: ORG.najaf, seats: 8 }],
    enrollments: [
      ...sponsored(ORG.najaf, 'active', ['ali.kadhim@example.org', true], ['fatima.musawi@example.org', false]),
      // Hussein enrolled through the public link before the forum nominated anyone, naming the forum as his.
      { email: 'hussein.hakim@example.org', status: 'active', namedOrganizationId: ORG.najaf, consentToShare: true },
      ...active('ahmed.khafaji@example.org', 'sara.jawad@example.org', 'abbas.shammari@example.org', 'ruqaya.hadi@example.org'),
    ],
  },
  {
    id: COHORT.baghdad,
    courseSlug: 'strategic-nonviolence',
    name: { ar: 'دفعة بغداد الأولى', en: 'Baghdad, first cohort', fr: 'Bagdad, première cohorte' },
    startsInDays: -150,
    lengthInDays: 90,
    timeZone: 'Asia/Baghdad',
    online: false,
    city: { ar: 'بغداد', en: 'Baghdad', fr: 'Bagdad' },
    capacity: 20,
    enrollmentMode: 'application',
    status: 'completed',
    applicationQuestions: [{ key: 'motivation', label: MOTIVATION, required: true }],
    staff: [
      { email: 'trainer@example.org', role: 'lead_trainer' },
      { email: 'karrar.alyasiri@example.org', role: 'coach' },
    ],
    // The Najaf forum sent three of its staff (Mustafa Al-Najafi keeps his progress to himself).
    seats: [{ organizationId: ORG.najaf, seats: 4 }],
    enrollments: [
      ...completed('graduate@example.org', 'maryam.rubaie@example.org', 'zahraa.kareem@example.org', 'mustafa.obaidi@example.org'),
      ...sponsored(ORG.najaf, 'completed', ['zainab.hassan@example.org', true], ['haider.salman@example.org', true], ['mustafa.najafi@example.org', false]),
      { email: 'ahmed.khafaji@example.org', status: 'withdrawn' },
    ],
  },
  {
    id: COHORT.online,
    courseSlug: 'public-narrative',
    name: { ar: 'دفعة عبر الإنترنت — من المحيط إلى الخليج', en: 'Online cohort — across the region', fr: 'Cohorte en ligne — toute la région' },
    startsInDays: 10,
    lengthInDays: 70,
    timeZone: 'Asia/Amman',
    online: true,
    city: {},
    capacity: 16,
    enrollmentMode: 'open',
    status: 'open',
    staff: [
      { email: 'trainer@example.org', role: 'lead_trainer' },
      { email: 'coach@example.org', role: 'coach' },
      { email: 'lama.nasser@example.org', role: 'coach' },
    ],
    // Full: 16 places taken, three people wait for a withdrawal.
    enrollments: [
      ...active(
        'rasha.odeh@example.org',
        'dana.haddadin@example.org',
        'yazan.obeidat@example.org',
        'aseel.barghouti@example.org',
        'ruba.shalabi@example.org',
        'fadi.awad@example.org',
        'ines.chaabane@example.org',
        'mehdi.kacem@example.org',
        'walid.ferjani@example.org',
        'hussein.hakim@example.org',
        'sara.jawad@example.org',
        'maryam.rubaie@example.org',
        'haider.salman@example.org',
        'ruqaya.hadi@example.org',
        'graduate@example.org',
        'zainab.hassan@example.org',
      ),
      ...waitlisted('haneen.zaid@example.org', 'abbas.shammari@example.org', 'amira.jebali@example.org'),
    ],
  },
  {
    id: COHORT.irbid,
    courseSlug: 'campaign-management',
    name: { ar: 'دفعة إربد (قيد الإعداد)', en: 'Irbid cohort (in preparation)', fr: 'Cohorte d’Irbid (en préparation)' },
    startsInDays: 60,
    lengthInDays: 70,
    timeZone: 'Asia/Amman',
    online: false,
    city: { ar: 'إربد', en: 'Irbid', fr: 'Irbid' },
    capacity: 25,
    enrollmentMode: 'application',
    status: 'draft',
    applicationQuestions: [{ key: 'motivation', label: MOTIVATION, required: true }],
    staff: [{ email: 'trainer@example.org', role: 'lead_trainer' }],
    enrollments: [],
  },
];

// ——— Learning circles (issue 4) ———

export type DemoAttendanceStatus = 'present' | 'late' | 'excused' | 'absent';

export interface DemoCircle {
  id: string;
  cohortId: string;
  name: LocalizedText;
  /** Where it usually meets; `{}` online. */
  place: LocalizedText;
  online: boolean;
  coaches: string[];
  /**
   * Members by email. Days are counted from the day the demo is loaded: `joinedDay` defaults to two days before the
   * first session (and never later than yesterday); `leftDay` closes the stay (moved or withdrawn).
   */
  members: { email: string; joinedDay?: number; leftDay?: number }[];
  /** The circle's series of sessions, in the cohort's time zone (wall-clock time). */
  series: {
    frequency: 'weekly' | 'every_2_weeks' | 'monthly' | 'every_2_months';
    firstDay: number;
    time: string;
    durationMinutes: number;
    occurrences: number;
    onlineUrl?: string;
    /** Agenda of each occurrence, by 1-based index. */
    agendas?: Record<number, LocalizedText>;
  };
  /** Cancelled occurrences (1-based index) with the reason the coach gave. */
  cancelled?: Record<number, string>;
  /** Marks of held occurrences (1-based index), by email. */
  attendance?: Record<number, Record<string, DemoAttendanceStatus>>;
}

export const CIRCLE = {
  ramallahBireh: '4c1a2b3c-0000-4000-8000-000000000001',
  ramallahOldTown: '4c1a2b3c-0000-4000-8000-000000000002',
  ammanWeibdeh: '4c1a2b3c-0000-4000-8000-000000000003',
  ammanDowntown: '4c1a2b3c-0000-4000-8000-000000000004',
  tunisMedina: '4c1a2b3c-0000-4000-8000-000000000005',
  tunisBardo: '4c1a2b3c-0000-4000-8000-000000000006',
  najafOld: '4c1a2b3c-0000-4000-8000-000000000007',
  najafKufa: '4c1a2b3c-0000-4000-8000-000000000008',
  baghdadKarrada: '4c1a2b3c-0000-4000-8000-000000000009',
  baghdadAdhamiya: '4c1a2b3c-0000-4000-8000-00000000000a',
  onlineLevant: '4c1a2b3c-0000-4000-8000-00000000000b',
  onlineMaghreb: '4c1a2b3c-0000-4000-8000-00000000000c',
  onlineIraq: '4c1a2b3c-0000-4000-8000-00000000000d',
} as const;

/** Fixed ids of a circle's series and of its n-th session, derived from the circle's, so reloading finds them. */
export function demoSeriesId(circleId: string): string {
  return `5e51e500-0000-4000-8000-${circleId.slice(-8)}0000`;
}
export function demoSessionId(circleId: string, index: number): string {
  return `5e551011-0000-4000-8000-${circleId.slice(-8)}${index.toString(16).padStart(4, '0')}`;
}

const CAMPAIGN_AGENDAS: Record<number, LocalizedText> = {
  1: { ar: 'اختيار الهدف الاستراتيجي للحملة', en: 'Choosing the campaign’s strategic goal', fr: 'Choisir l’objectif stratégique de la campagne' },
  2: { ar: 'خريطة أصحاب المصلحة ومصادر القوة', en: 'Mapping stakeholders and sources of power', fr: 'Cartographier les acteurs et les sources de pouvoir' },
  3: { ar: 'التكتيكات والجدول الزمني', en: 'Tactics and timeline', fr: 'Tactiques et calendrier' },
  4: { ar: 'بناء فريق القيادة', en: 'Building the leadership team', fr: 'Construire l’équipe de leadership' },
  5: { ar: 'الرسالة والسرد العام للحملة', en: 'The campaign’s message and public narrative', fr: 'Le message et le récit public de la campagne' },
  6: { ar: 'التقييم والخطوات التالية', en: 'Evaluation and next steps', fr: 'Évaluation et prochaines étapes' },
};

export const DEMO_CIRCLES: DemoCircle[] = [
  // Ramallah (running): two circles every two weeks, three sessions held; Haneen moved from the old town to Al-Bireh.
  {
    id: CIRCLE.ramallahBireh,
    cohortId: COHORT.ramallah,
    name: { ar: 'حلقة البيرة', en: 'Al-Bireh circle', fr: 'Cercle d’El-Bireh' },
    place: { ar: 'مركز شباب البيرة', en: 'Al-Bireh youth centre', fr: 'Centre de jeunesse d’El-Bireh' },
    online: false,
    coaches: ['coach@example.org'],
    members: [
      { email: 'trainee@example.org', joinedDay: -35 },
      { email: 'aseel.barghouti@example.org', joinedDay: -35 },
      { email: 'majd.qawasmeh@example.org', joinedDay: -35 },
      { email: 'ruba.shalabi@example.org', joinedDay: -35 },
      { email: 'haneen.zaid@example.org', joinedDay: -12 },
    ],
    series: { frequency: 'every_2_weeks', firstDay: -33, time: '18:00', durationMinutes: 90, occurrences: 6, agendas: CAMPAIGN_AGENDAS },
    attendance: {
      1: { 'trainee@example.org': 'present', 'aseel.barghouti@example.org': 'present', 'majd.qawasmeh@example.org': 'late', 'ruba.shalabi@example.org': 'absent' },
      2: { 'trainee@example.org': 'present', 'aseel.barghouti@example.org': 'excused', 'majd.qawasmeh@example.org': 'present', 'ruba.shalabi@example.org': 'present' },
      3: {
        'trainee@example.org': 'late',
        'aseel.barghouti@example.org': 'present',
        'majd.qawasmeh@example.org': 'present',
        'ruba.shalabi@example.org': 'absent',
        'haneen.zaid@example.org': 'present',
      },
    },
  },
  {
    id: CIRCLE.ramallahOldTown,
    cohortId: COHORT.ramallah,
    name: { ar: 'حلقة رام الله التحتا', en: 'Ramallah old town circle', fr: 'Cercle de la vieille ville de Ramallah' },
    place: { ar: 'بيت الثقافة، رام الله التحتا', en: 'Culture house, Ramallah old town', fr: 'Maison de la culture, vieille ville de Ramallah' },
    online: false,
    coaches: ['lama.nasser@example.org'],
    members: [
      { email: 'fadi.awad@example.org', joinedDay: -35 },
      { email: 'salma.hamdan@example.org', joinedDay: -35 },
      { email: 'ibrahim.jaabari@example.org', joinedDay: -35 },
      { email: 'mariam.abuaisha@example.org', joinedDay: -35 },
      { email: 'haneen.zaid@example.org', joinedDay: -35, leftDay: -12 },
      // Withdrew from the cohort: the withdrawal closed the stay.
      { email: 'mohammad.amro@example.org', joinedDay: -35, leftDay: -22 },
    ],
    series: { frequency: 'every_2_weeks', firstDay: -31, time: '17:30', durationMinutes: 120, occurrences: 6, agendas: CAMPAIGN_AGENDAS },
    cancelled: { 2: 'عطلة رسمية — نلتقي في الموعد التالي / Public holiday — see you at the next session' },
    attendance: {
      1: {
        'fadi.awad@example.org': 'present',
        'salma.hamdan@example.org': 'present',
        'ibrahim.jaabari@example.org': 'absent',
        'mariam.abuaisha@example.org': 'present',
        'haneen.zaid@example.org': 'present',
        'mohammad.amro@example.org': 'absent',
      },
      3: { 'fadi.awad@example.org': 'present', 'salma.hamdan@example.org': 'late', 'ibrahim.jaabari@example.org': 'present', 'mariam.abuaisha@example.org': 'excused' },
    },
  },
  // Amman (opens in three weeks): weekly and fortnightly evenings.
  {
    id: CIRCLE.ammanWeibdeh,
    cohortId: COHORT.amman,
    name: { ar: 'حلقة جبل اللويبدة', en: 'Jabal Al-Weibdeh circle', fr: 'Cercle de Jabal Al-Weibdeh' },
    place: { ar: 'دارة الفنون، اللويبدة', en: 'Darat al Funun, Weibdeh', fr: 'Darat al Funun, Weibdeh' },
    online: false,
    coaches: ['coach@example.org'],
    members: [{ email: 'khaled.masri@example.org' }, { email: 'lina.khasawneh@example.org' }, { email: 'hamza.zoubi@example.org' }],
    series: { frequency: 'weekly', firstDay: 22, time: '18:00', durationMinutes: 90, occurrences: 8 },
  },
  {
    id: CIRCLE.ammanDowntown,
    cohortId: COHORT.amman,
    name: { ar: 'حلقة وسط البلد', en: 'Downtown circle', fr: 'Cercle du centre-ville' },
    place: { ar: 'مقهى جفرا، وسط البلد', en: 'Jafra café, downtown Amman', fr: 'Café Jafra, centre d’Amman' },
    online: false,
    coaches: ['coach@example.org', 'trainer@example.org'],
    members: [{ email: 'noor.abughazaleh@example.org' }, { email: 'tareq.shahin@example.org' }],
    series: { frequency: 'every_2_weeks', firstDay: 24, time: '17:00', durationMinutes: 90, occurrences: 5 },
  },
  // Tunis (opens in two weeks), run in French.
  {
    id: CIRCLE.tunisMedina,
    cohortId: COHORT.tunis,
    name: { fr: 'Cercle de la Médina', ar: 'حلقة المدينة العتيقة' },
    place: { fr: 'Dar Ben Achour, Médina de Tunis', ar: 'دار بن عاشور، المدينة العتيقة' },
    online: false,
    coaches: ['coach@example.org'],
    members: [{ email: 'amira.jebali@example.org' }, { email: 'walid.ferjani@example.org' }, { email: 'sarra.benamor@example.org' }],
    series: { frequency: 'every_2_weeks', firstDay: 16, time: '18:30', durationMinutes: 120, occurrences: 5 },
  },
  {
    id: CIRCLE.tunisBardo,
    cohortId: COHORT.tunis,
    name: { fr: 'Cercle du Bardo', ar: 'حلقة باردو' },
    place: { fr: 'Maison des jeunes du Bardo', ar: 'دار الشباب بباردو' },
    online: false,
    coaches: ['nadia.ferchichi@example.org'],
    members: [{ email: 'anis.mejri@example.org' }, { email: 'sami.gharbi@example.org' }],
    series: { frequency: 'every_2_weeks', firstDay: 17, time: '18:30', durationMinutes: 120, occurrences: 5 },
  },
  // Najaf (opens in a month): monthly Saturday afternoons.
  {
    id: CIRCLE.najafOld,
    cohortId: COHORT.najaf,
    name: { ar: 'حلقة النجف القديمة', en: 'Old Najaf circle', fr: 'Cercle de la vieille ville de Nadjaf' },
    place: { ar: 'قاعة منتدى النجف الاجتماعي', en: 'Najaf Social Forum hall', fr: 'Salle du Forum social de Nadjaf' },
    online: false,
    coaches: ['karrar.alyasiri@example.org'],
    members: [{ email: 'ali.kadhim@example.org' }, { email: 'hussein.hakim@example.org' }, { email: 'fatima.musawi@example.org' }, { email: 'ahmed.khafaji@example.org' }],
    series: { frequency: 'monthly', firstDay: 31, time: '16:00', durationMinutes: 120, occurrences: 2 },
  },
  {
    id: CIRCLE.najafKufa,
    cohortId: COHORT.najaf,
    name: { ar: 'حلقة الكوفة', en: 'Kufa circle', fr: 'Cercle de Koufa' },
    place: { ar: 'مكتبة الكوفة العامة', en: 'Kufa public library', fr: 'Bibliothèque publique de Koufa' },
    online: false,
    coaches: ['karrar.alyasiri@example.org'],
    members: [{ email: 'sara.jawad@example.org' }, { email: 'abbas.shammari@example.org' }, { email: 'ruqaya.hadi@example.org' }],
    series: { frequency: 'monthly', firstDay: 32, time: '16:00', durationMinutes: 120, occurrences: 2 },
  },
  // Baghdad (completed): three monthly sessions each, all held and marked.
  {
    id: CIRCLE.baghdadKarrada,
    cohortId: COHORT.baghdad,
    name: { ar: 'حلقة الكرادة', en: 'Karrada circle', fr: 'Cercle de Karrada' },
    place: { ar: 'بيت بغداد للثقافة', en: 'Baghdad culture house', fr: 'Maison de la culture de Bagdad' },
    online: false,
    coaches: ['karrar.alyasiri@example.org'],
    members: [{ email: 'graduate@example.org' }, { email: 'maryam.rubaie@example.org' }, { email: 'haider.salman@example.org' }, { email: 'zahraa.kareem@example.org' }],
    series: { frequency: 'monthly', firstDay: -140, time: '17:00', durationMinutes: 120, occurrences: 3 },
    attendance: {
      1: { 'graduate@example.org': 'present', 'maryam.rubaie@example.org': 'present', 'haider.salman@example.org': 'late', 'zahraa.kareem@example.org': 'present' },
      2: { 'graduate@example.org': 'present', 'maryam.rubaie@example.org': 'excused', 'haider.salman@example.org': 'present', 'zahraa.kareem@example.org': 'present' },
      3: { 'graduate@example.org': 'present', 'maryam.rubaie@example.org': 'present', 'haider.salman@example.org': 'present', 'zahraa.kareem@example.org': 'absent' },
    },
  },
  {
    id: CIRCLE.baghdadAdhamiya,
    cohortId: COHORT.baghdad,
    name: { ar: 'حلقة الأعظمية', en: 'Adhamiya circle', fr: 'Cercle d’Adhamiya' },
    place: { ar: 'مركز شباب الأعظمية', en: 'Adhamiya youth centre', fr: 'Centre de jeunesse d’Adhamiya' },
    online: false,
    coaches: ['karrar.alyasiri@example.org'],
    members: [{ email: 'mustafa.obaidi@example.org' }, { email: 'zainab.hassan@example.org' }, { email: 'mustafa.najafi@example.org' }],
    series: { frequency: 'monthly', firstDay: -138, time: '17:00', durationMinutes: 120, occurrences: 3 },
    attendance: {
      1: { 'mustafa.obaidi@example.org': 'present', 'zainab.hassan@example.org': 'present', 'mustafa.najafi@example.org': 'present' },
      2: { 'mustafa.obaidi@example.org': 'present', 'zainab.hassan@example.org': 'late', 'mustafa.najafi@example.org': 'absent' },
      3: { 'mustafa.obaidi@example.org': 'present', 'zainab.hassan@example.org': 'present', 'mustafa.najafi@example.org': 'present' },
    },
  },
  // Online (opens in ten days): weekly video calls.
  {
    id: CIRCLE.onlineLevant,
    cohortId: COHORT.online,
    name: { ar: 'حلقة بلاد الشام', en: 'Levant circle', fr: 'Cercle du Levant' },
    place: {},
    online: true,
    coaches: ['coach@example.org'],
    members: [
      { email: 'rasha.odeh@example.org' },
      { email: 'dana.haddadin@example.org' },
      { email: 'yazan.obeidat@example.org' },
      { email: 'aseel.barghouti@example.org' },
      { email: 'ruba.shalabi@example.org' },
      { email: 'fadi.awad@example.org' },
    ],
    series: { frequency: 'weekly', firstDay: 12, time: '19:00', durationMinutes: 75, occurrences: 10, onlineUrl: 'https://meet.example.org/halaqa-levant' },
  },
  {
    id: CIRCLE.onlineMaghreb,
    cohortId: COHORT.online,
    name: { ar: 'حلقة المغرب العربي', en: 'Maghreb circle', fr: 'Cercle du Maghreb' },
    place: {},
    online: true,
    coaches: ['lama.nasser@example.org'],
    members: [{ email: 'ines.chaabane@example.org' }, { email: 'mehdi.kacem@example.org' }, { email: 'walid.ferjani@example.org' }, { email: 'graduate@example.org' }, { email: 'sara.jawad@example.org' }],
    series: { frequency: 'weekly', firstDay: 13, time: '20:00', durationMinutes: 75, occurrences: 10, onlineUrl: 'https://meet.example.org/halaqa-maghreb' },
  },
  {
    id: CIRCLE.onlineIraq,
    cohortId: COHORT.online,
    name: { ar: 'حلقة العراق', en: 'Iraq circle', fr: 'Cercle d’Irak' },
    place: {},
    online: true,
    coaches: ['coach@example.org', 'lama.nasser@example.org'],
    members: [{ email: 'hussein.hakim@example.org' }, { email: 'maryam.rubaie@example.org' }, { email: 'haider.salman@example.org' }, { email: 'ruqaya.hadi@example.org' }, { email: 'zainab.hassan@example.org' }],
    series: { frequency: 'weekly', firstDay: 14, time: '18:00', durationMinutes: 75, occurrences: 10, onlineUrl: 'https://meet.example.org/halaqa-iraq' },
  },
];
