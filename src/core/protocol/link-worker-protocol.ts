import type { Option, Protocol, Question } from './protocol.js'

/**
 * The built-in link-worker network protocol (DOMAIN.md §3): ego questions
 * E1–E12, name generators NG1–NG6, name interpreters A1–A15 and the
 * alter–alter question, over the last three months of work. It is a
 * reconstruction (the originating study's instrument is unpublished) and an
 * editable template: copy it with `spnet protocol show`, change it, and
 * validate it with `spnet protocol validate`.
 *
 * Alters named only under NG6 (services the link worker cannot refer to)
 * are kept apart from the working network in exports.
 */

const options = (pairs: readonly (readonly [string | number, string])[]): Option[] =>
  pairs.map(([value, label]) => ({ value, label }))

const supervisors = options([
  ['gp_or_practice_manager', 'GP or practice manager'],
  ['pcn_clinical_director', 'PCN clinical director'],
  ['host_manager', 'Host organisation manager'],
  ['other_link_worker', 'Another link worker'],
  ['none', 'None'],
  ['other', 'Other'],
])

const period = 'Thinking about the last three months of your work as a link worker…'

const sectorOptions = options([
  ['gp_own_pcn', 'GP practice (in my PCN)'],
  ['gp_other', 'GP practice (elsewhere)'],
  ['pcn_staff', 'PCN staff (e.g. ARRS colleague, care coordinator, health and wellbeing coach)'],
  ['other_nhs', 'Other NHS (community, mental health, acute, NHS Talking Therapies)'],
  ['local_authority', 'Local authority (including adult social care and public health)'],
  ['vcse', 'Voluntary, community or social enterprise (charity, community or faith group)'],
  ['other_statutory', 'Other statutory (DWP/Jobcentre, police, fire, housing authority)'],
  ['housing_association', 'Housing association'],
  ['private', 'Private company'],
  ['social_prescribing', 'Another link worker or social prescribing service'],
])

const serviceTypes = options([
  ['physical_activity', 'Physical activity or sport'],
  ['arts_culture', 'Arts, culture and creativity'],
  ['nature', 'Nature, green space or gardening'],
  ['social_groups', 'Loneliness, befriending and social groups'],
  ['mental_health', 'Mental health and emotional support (including NHS Talking Therapies)'],
  ['money_advice', 'Welfare benefits, debt and money advice'],
  ['housing', 'Housing and homelessness'],
  ['employment', 'Employment, skills and volunteering'],
  ['food_fuel', 'Food and fuel poverty'],
  ['carers', 'Carers support'],
  ['older_people', "Older people's services"],
  ['children_families', 'Children, young people and families'],
  ['long_term_conditions', 'Long-term condition or disease-specific groups'],
  ['substance_misuse', 'Substance misuse'],
  ['domestic_abuse', 'Domestic abuse'],
  ['faith_culture', 'Faith or culturally specific community groups'],
  ['adult_social_care', 'Adult social care'],
  ['statutory_services', 'Statutory services (DWP/Jobcentre, police, fire)'],
  ['other', 'Other'],
])

const trust = (id: string, label: string): Question => ({
  id,
  label,
  type: 'ordinal',
  options: options([
    [1, 'Not at all'],
    [2, 'A little'],
    [3, 'Fairly'],
    [4, 'Very'],
  ]),
})

export const linkWorkerProtocol: Protocol = {
  format: 'spnet-protocol',
  schemaVersion: 1,
  id: 'link_worker_networks',
  version: 1,
  name: 'Social prescribing link workers: professional networks',
  description:
    'Who link workers work with, refer to, go to for advice and support, and build capacity with; how often; and which of those contacts work with each other (DOMAIN.md §3).',
  alterName: 'name',
  maxAlters: 40,
  derived: [
    {
      id: 'org_type',
      label: 'Sector (grouped)',
      from: 'sector',
      map: {
        gp_own_pcn: 'primary_care',
        gp_other: 'primary_care',
        pcn_staff: 'primary_care',
        other_nhs: 'other_nhs',
        local_authority: 'local_authority',
        vcse: 'vcse',
        other_statutory: 'other_statutory',
        housing_association: 'housing_association',
        private: 'private',
        social_prescribing: 'social_prescribing',
      },
    },
    {
      // x_ego for brokerage and the ego E-I index (MEASURES.md): the host's sector.
      id: 'sector',
      label: 'Sector of the link worker’s employer or host',
      from: 'implementation_model',
      map: {
        pcn: 'primary_care',
        gp_federation: 'primary_care',
        vcse: 'vcse',
        local_authority: 'local_authority',
        nhs_trust: 'other_nhs',
        other: 'other',
      },
    },
  ],
  stages: [
    {
      kind: 'information',
      id: 'welcome',
      title: 'Welcome',
      body:
        'This interview maps the people and organisations you work with as a link worker: who you are in contact with, who you refer people to, who you go to for advice, and who you work with to build local services. It takes about 30 minutes.\n\n' +
        'Think about the last three months. Name organisations, or the person you deal with there. Do not name patients.\n\n' +
        'Your answers are saved as you go. You can stop at any time and carry on later from the same link, on any device.',
    },
    {
      kind: 'ego_form',
      id: 'about_you',
      title: 'About your role',
      questions: [
        { id: 'job_title', label: 'What is your job title?', type: 'text', maxLength: 200 },
        {
          id: 'role',
          label: 'Which best describes your role?',
          type: 'choice',
          required: true,
          options: options([
            ['link_worker', 'Social prescribing link worker'],
            ['senior_link_worker', 'Senior or lead link worker'],
            [
              'coordinator_with_sp',
              'Care coordinator or health and wellbeing coach with social prescribing duties',
            ],
            ['other', 'Other'],
          ]),
        },
        {
          id: 'implementation_model',
          label: 'Who is your employer?',
          type: 'choice',
          required: true,
          other: true,
          options: options([
            ['pcn', 'PCN or lead GP practice'],
            ['gp_federation', 'GP federation or primary care provider'],
            ['vcse', 'Voluntary, community or social enterprise organisation (sub-contracted)'],
            ['local_authority', 'Local authority'],
            ['nhs_trust', 'NHS trust'],
            ['other', 'Other'],
          ]),
        },
        {
          id: 'base',
          label: 'Where are you mainly based day to day?',
          type: 'choice',
          options: options([
            ['practice', 'In GP practice(s)'],
            ['host', 'At my host organisation'],
            ['community', 'Community venues'],
            ['remote', 'Home or remote'],
            ['mixed', 'Mixed'],
          ]),
        },
        {
          id: 'line_manager',
          label: 'Who provides your line management?',
          type: 'choice',
          options: supervisors,
        },
        {
          id: 'clinical_supervisor',
          label: 'Who provides your clinical supervision?',
          type: 'choice',
          options: supervisors,
        },
        {
          id: 'months_as_link_worker',
          label: 'How long have you worked as a link worker?',
          type: 'integer',
          unit: 'months',
          min: 0,
          max: 600,
        },
        {
          id: 'months_in_post',
          label: 'How long have you been in this post?',
          type: 'integer',
          unit: 'months',
          min: 0,
          max: 600,
        },
        {
          id: 'hours_per_week',
          label: 'How many hours a week are you contracted for?',
          type: 'number',
          unit: 'hours',
          min: 0,
          max: 60,
        },
        {
          id: 'practices_covered',
          label: 'How many GP practices do you cover?',
          type: 'integer',
          min: 0,
          max: 100,
        },
        {
          id: 'pcn_code',
          label: 'Which PCN do you work in? (its code, e.g. U12345, if you know it)',
          type: 'text',
          maxLength: 20,
        },
        {
          id: 'other_link_workers',
          label: 'How many other link workers work in your PCN or team?',
          type: 'integer',
          min: 0,
          max: 200,
        },
        {
          id: 'clinical_system_access',
          label: 'Do you have access to the GP clinical system (e.g. EMIS, SystmOne)?',
          type: 'choice',
          options: options([
            ['full', 'Full access'],
            ['read_only', 'Read-only'],
            ['none', 'No access'],
          ]),
        },
        {
          id: 'caseload',
          label: 'What is your typical active caseload?',
          type: 'integer',
          unit: 'people',
          min: 0,
          max: 10_000,
        },
        {
          id: 'referrals_per_month',
          label: 'About how many new referrals do you get a month?',
          type: 'integer',
          min: 0,
          max: 10_000,
        },
        {
          id: 'background',
          label: 'What was your background before this role?',
          type: 'multi_choice',
          options: options([
            ['vcse', 'Voluntary or community sector'],
            ['health', 'Health'],
            ['social_care', 'Social care'],
            ['local_authority', 'Local authority'],
            ['lived_experience', 'Lived experience'],
            ['other', 'Other'],
          ]),
        },
        {
          id: 'uses_directory',
          label: 'Do you use a community services directory or platform?',
          type: 'boolean',
        },
        {
          id: 'directory_name',
          label: 'Which directory or platform?',
          type: 'text',
          maxLength: 200,
          showIf: { variable: 'uses_directory', equals: true },
        },
      ],
    },
    {
      kind: 'name_generator',
      id: 'ng1_work_contacts',
      title: 'Your work contacts',
      generator: 'work_contact',
      prompt: `${period} Please name the people and organisations you have had contact with as part of your work. Include people in GP practices and the PCN, other NHS services, the council, and voluntary and community groups. Do not include patients.`,
      maxAlters: 25,
      quickAdd: ['name', 'sector'],
    },
    {
      kind: 'name_generator',
      id: 'ng2_referral_destinations',
      title: 'Where you refer people',
      generator: 'refers_to',
      prompt: `${period} Which organisations, groups or services have you referred or actively connected patients to?`,
      help: 'For example, for debt or benefits advice? Housing? Mental health? Physical activity? Arts? Loneliness?',
      maxAlters: 25,
      quickAdd: ['name', 'sector'],
    },
    {
      kind: 'name_generator',
      id: 'ng3_referral_sources',
      title: 'Who refers people to you',
      generator: 'referred_by',
      prompt: `${period} Who refers patients to you, apart from GPs in your own practices?`,
      maxAlters: 25,
      quickAdd: ['name', 'sector'],
      optional: true,
    },
    {
      kind: 'name_generator',
      id: 'ng4_advice_support',
      title: 'Advice and support',
      generator: 'advice_support',
      prompt: `${period} Who do you go to for advice, information or support when you are unsure how to help a patient, or about your role? This can include your manager, supervisor, other link workers or anyone else.`,
      maxAlters: 25,
      quickAdd: ['name', 'sector'],
    },
    {
      kind: 'name_generator',
      id: 'ng5_service_capacity',
      title: 'Building local services',
      generator: 'capacity_building',
      prompt: `${period} Who have you worked with to improve or develop local services or community capacity?`,
      help: 'For example: setting up a new group, filling a gap in provision, sharing funding or information about demand, or joint events.',
      maxAlters: 25,
      quickAdd: ['name', 'sector'],
      optional: true,
    },
    {
      kind: 'name_generator',
      id: 'ng6_cannot_refer',
      title: 'Services you cannot refer to',
      generator: 'cannot_refer',
      prompt: `${period} Are there organisations you would like to refer to but cannot, because they are full, closed to referrals, too far away, or you have no contact there?`,
      maxAlters: 25,
      quickAdd: ['name', 'sector'],
      optional: true,
    },
    {
      kind: 'alter_form',
      id: 'about_contacts',
      title: 'About each contact',
      questions: [
        {
          id: 'name',
          label: 'Organisation (and the person’s role, if a person)',
          type: 'text',
          required: true,
          maxLength: 200,
        },
        {
          id: 'sector',
          label: 'Which sector are they in?',
          type: 'choice',
          required: true,
          options: sectorOptions,
        },
        {
          id: 'location',
          label: 'Where do they work?',
          type: 'choice',
          options: options([
            ['pcn_area', 'Within my PCN area'],
            ['la_area', 'Elsewhere in my local authority'],
            ['outside_la', 'Outside my local authority'],
            ['national', 'National or online'],
          ]),
        },
        {
          id: 'frequency',
          label: 'How often are you in contact?',
          type: 'ordinal',
          options: options([
            [1, 'Less than once every 3 months'],
            [2, 'About once every 2–3 months'],
            [3, 'About monthly'],
            [4, 'About weekly'],
            [5, 'Several times a week or daily'],
          ]),
        },
        {
          id: 'contact_mode',
          label: 'How are you mainly in contact?',
          type: 'multi_choice',
          options: options([
            ['face_to_face', 'Face to face'],
            ['phone', 'Phone'],
            ['email_messaging', 'Email or messaging'],
            ['meetings', 'Shared meetings (MDT, network events)'],
            ['clinical_system', 'Tasks in the clinical system'],
          ]),
        },
        {
          id: 'closeness',
          label: 'How close is your working relationship?',
          type: 'ordinal',
          options: options([
            [1, 'Not at all close'],
            [2, 'A little close'],
            [3, 'Fairly close'],
            [4, 'Close'],
            [5, 'Very close'],
          ]),
        },
      ],
    },
    {
      kind: 'alter_form',
      id: 'about_referrals',
      title: 'About the services you refer to',
      generators: ['refers_to', 'referred_by'],
      questions: [
        {
          id: 'service_type',
          label: 'What do they offer?',
          type: 'multi_choice',
          options: serviceTypes,
        },
        {
          id: 'referral_direction',
          label: 'Which way do referrals go?',
          type: 'choice',
          options: options([
            ['to_them', 'I refer to them'],
            ['to_me', 'They refer to me'],
            ['both', 'Both'],
          ]),
        },
        {
          id: 'patients_referred',
          label: 'How many patients have you referred to them in the last three months?',
          type: 'choice',
          options: options([
            ['0', 'None'],
            ['1_2', '1–2'],
            ['3_5', '3–5'],
            ['6_10', '6–10'],
            ['over_10', 'More than 10'],
          ]),
        },
        {
          id: 'capacity',
          label: 'Can they take referrals?',
          type: 'choice',
          options: options([
            ['open', 'Able to take referrals'],
            ['waiting_list', 'Waiting list'],
            ['closed', 'Closed or paused'],
            ['dont_know', 'Don’t know'],
          ]),
        },
        {
          id: 'feedback',
          label: 'Do they let you know what happened to patients you refer?',
          type: 'choice',
          options: options([
            ['always', 'Always'],
            ['sometimes', 'Sometimes'],
            ['never', 'Never'],
          ]),
        },
      ],
    },
    {
      kind: 'alter_form',
      id: 'about_relationships',
      title: 'About your working relationships',
      questions: [
        trust('trust_reliable', 'How reliable is this contact?'),
        trust('trust_open', 'How open to discussion are they?'),
        trust('trust_aligned', 'How aligned are they with your aims?'),
        {
          id: 'collaboration',
          label: 'How closely do you work together?',
          type: 'ordinal',
          options: options([
            [0, 'Not at all'],
            [1, 'Awareness: we share information'],
            [2, 'Cooperative: we refer to and support each other'],
            [3, 'Coordinated: we plan activities together'],
            [4, 'Integrated: we share goals and resources'],
          ]),
        },
        {
          id: 'duration',
          label: 'How long have you worked with them?',
          type: 'choice',
          options: options([
            ['under_6m', 'Less than 6 months'],
            ['6_12m', '6–12 months'],
            ['1_2y', '1–2 years'],
            ['over_2y', 'More than 2 years'],
            ['inherited', 'Inherited from my predecessor'],
          ]),
        },
        {
          id: 'origin',
          label: 'How did the working relationship start?',
          type: 'choice',
          options: options([
            ['inherited', 'Inherited'],
            ['networking_event', 'A networking event or forum'],
            ['directory', 'A directory search'],
            ['they_approached', 'They approached me'],
            ['introduced', 'Introduced by a colleague'],
            ['patient_led', 'Through a patient'],
            ['other', 'Other'],
          ]),
        },
      ],
    },
    {
      kind: 'tie_census',
      id: 'who_works_together',
      title: 'Who works with whom',
      prompt:
        'To your knowledge, do {a} and {b} work with each other, for example referring people, sharing information or running things together?',
      help: 'Answer “Don’t know” whenever you are not sure: it is kept as don’t know, not as no.',
      maxAlters: 20,
    },
    {
      kind: 'review',
      id: 'review',
      title: 'Check and send',
      intro: 'Check your answers. You can go back to any part before you send them.',
    },
  ],
}
