import { syntheticCampaign, type SyntheticCampaign } from '@timeline/synthetic';

/**
 * Places as reports spell them: the Arabic name, a transliteration with its diacritics, and the
 * English name. Sources differ in Unicode normalisation too, so aliases carry the
 * transliteration both precomposed and as combining marks.
 */
const PLACES = [
  ['حلب', 'Ḥalab', 'Aleppo'],
  ['حماة', 'Ḥamāh', 'Hama'],
  ['حمص', 'Ḥimṣ', 'Homs'],
  ['دير الزور', 'Dayr az-Zawr', 'Deir ez-Zor'],
  ['تدمر', 'Tadmur', 'Palmyra'],
  ['إدلب', 'Idlib', 'Idleb'],
  ['الرستن', 'ar-Rastan', 'Al-Rastan'],
  ['مطار التيفور', 'Maṭār at-Tiyās', 'Tiyas Airbase (T4)'],
  ['خان شيخون', 'Khān Shaykhūn', 'Khan Shaykhun'],
  ['معرة النعمان', 'Maʿarrat an-Nuʿmān', 'Maarat al-Numan'],
] as const;

type Place = (typeof PLACES)[number];

const PUBLISHERS = [
  'المرصد السوري لحقوق الإنسان (SOHR)',
  'Agence France-Presse',
  'سانا – Syrian Arab News Agency',
  'Enab Baladi – عنب بلدي',
  'Министерство обороны России',
];

/** Quotes as they are cited: Arabic bulletins with emoji, English with dashes and curly quotes. */
const QUOTES: ((p: Place, n: number) => string)[] = [
  (p, n) => `🔴 عاجل | فصائل المعارضة تسيطر على مدينة ${p[0]} بالكامل بعد اشتباكات عنيفة – المصدر رقم ${n} 🔥`,
  (p) => `“Opposition fighters entered ${p[2]} (${p[1]}) on Thursday – the army said it had ‘redeployed’ its forces.”`,
  (p) => `The ministry denied reports that ${p[1].normalize('NFD')} had fallen: «الوضع في ${p[0]} تحت السيطرة» 🇸🇾`,
  (p, n) => `A convoy of ${n} vehicles left ${p[2]} — «انسحاب تكتيكي» — witnesses 👀 said; e\u0301vacuation “under way”.`,
  (p, n) =>
    `المرصد السوري: ارتفاع حصيلة القتلى في ${p[0]} إلى ${n} منذ بدء العملية العسكرية، وسط نزوح آلاف المدنيين نحو الريف الشمالي`,
];

const at = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

/**
 * A generated campaign whose every place, source, quote and editorial reason is written in the
 * scripts and punctuation real reports use, so its views hold mostly multi-byte text.
 */
export function multilingualCampaign(claims: number, seed = 11): SyntheticCampaign {
  const synthetic = syntheticCampaign({ claims, seed, campaignId: 'multilingual' });
  return {
    campaign: { ...synthetic.campaign, title: 'هجوم ردع العدوان – the 2024 “Deterrence of Aggression” offensive' },
    places: synthetic.places.map((place, i) => {
      const p = at(PLACES, i);
      return { ...place, name: `${p[0]} – ${p[2]} ${i}`, aliases: [p[1], p[1].normalize('NFD'), p[2]] };
    }),
    sources: synthetic.sources.map((source, i) => {
      const p = at(PLACES, i);
      return {
        ...source,
        publisherName: at(PUBLISHERS, Number(source.publisher.replace(/\D/g, ''))),
        title: `${p[0]}: ${p[2]} – report ${i} “as it happened” ✍️`,
        language: i % 2 ? 'ar' : 'en',
      };
    }),
    writes: synthetic.writes.map((write, n) => {
      const p = at(PLACES, n);
      switch (write.kind) {
        case 'claim':
          return { ...write, body: { ...write.body, quote: [0, 1, 2].map((k) => at(QUOTES, n + k)(p, n)).join(' ') } };
        case 'correction':
          return {
            ...write,
            reason: `المصدر صحّح الخبر – the source revised it (${p[1]})`,
            changes: 'quote' in write.changes ? { ...write.changes, quote: at(QUOTES, n + 2)(p, n) } : write.changes,
          };
        case 'rank':
        case 'retraction':
        case 'assessment':
          return { ...write, reason: `${write.reason} – قرار التحرير ✔︎` };
      }
    }),
  };
}
