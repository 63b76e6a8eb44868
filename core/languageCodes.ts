/** Language codes for completion and hover: ISO 639-1 and common 639-2/3 codes, with English names. */
/** ISO 639-1 codes with English names (the Hub also accepts 639-2/3 codes such as `yue`). */
const ISO_639_1 =
  'aa Afar|ab Abkhazian|af Afrikaans|ak Akan|am Amharic|an Aragonese|ar Arabic|as Assamese|av Avaric|ay Aymara|az Azerbaijani|' +
  'ba Bashkir|be Belarusian|bg Bulgarian|bi Bislama|bm Bambara|bn Bengali|bo Tibetan|br Breton|bs Bosnian|ca Catalan|ce Chechen|' +
  'ch Chamorro|co Corsican|cr Cree|cs Czech|cu Church Slavic|cv Chuvash|cy Welsh|da Danish|de German|dv Divehi|dz Dzongkha|ee Ewe|' +
  'el Greek|en English|eo Esperanto|es Spanish|et Estonian|eu Basque|fa Persian|ff Fulah|fi Finnish|fj Fijian|fo Faroese|fr French|' +
  'fy Western Frisian|ga Irish|gd Scottish Gaelic|gl Galician|gn Guarani|gu Gujarati|gv Manx|ha Hausa|he Hebrew|hi Hindi|' +
  'ho Hiri Motu|hr Croatian|ht Haitian|hu Hungarian|hy Armenian|hz Herero|ia Interlingua|id Indonesian|ie Interlingue|ig Igbo|' +
  'ii Sichuan Yi|ik Inupiaq|io Ido|is Icelandic|it Italian|iu Inuktitut|ja Japanese|jv Javanese|ka Georgian|kg Kongo|ki Kikuyu|' +
  'kj Kuanyama|kk Kazakh|kl Kalaallisut|km Khmer|kn Kannada|ko Korean|kr Kanuri|ks Kashmiri|ku Kurdish|kv Komi|kw Cornish|' +
  'ky Kyrgyz|la Latin|lb Luxembourgish|lg Ganda|li Limburgish|ln Lingala|lo Lao|lt Lithuanian|lu Luba-Katanga|lv Latvian|' +
  'mg Malagasy|mh Marshallese|mi Maori|mk Macedonian|ml Malayalam|mn Mongolian|mr Marathi|ms Malay|mt Maltese|my Burmese|na Nauru|' +
  'nb Norwegian Bokmal|nd North Ndebele|ne Nepali|ng Ndonga|nl Dutch|nn Norwegian Nynorsk|no Norwegian|nr South Ndebele|nv Navajo|' +
  'ny Chichewa|oc Occitan|oj Ojibwa|om Oromo|or Odia|os Ossetian|pa Punjabi|pi Pali|pl Polish|ps Pashto|pt Portuguese|qu Quechua|' +
  'rm Romansh|rn Rundi|ro Romanian|ru Russian|rw Kinyarwanda|sa Sanskrit|sc Sardinian|sd Sindhi|se Northern Sami|sg Sango|' +
  'si Sinhala|sk Slovak|sl Slovenian|sm Samoan|sn Shona|so Somali|sq Albanian|sr Serbian|ss Swati|st Southern Sotho|su Sundanese|' +
  'sv Swedish|sw Swahili|ta Tamil|te Telugu|tg Tajik|th Thai|ti Tigrinya|tk Turkmen|tl Tagalog|tn Tswana|to Tonga|tr Turkish|' +
  'ts Tsonga|tt Tatar|tw Twi|ty Tahitian|ug Uyghur|uk Ukrainian|ur Urdu|uz Uzbek|ve Venda|vi Vietnamese|vo Volapuk|wa Walloon|' +
  'wo Wolof|xh Xhosa|yi Yiddish|yo Yoruba|za Zhuang|zh Chinese|zu Zulu';

/** Widely used 639-2/3 codes the Hub accepts, for languages without a 639-1 code. */
const ISO_639_3 = 'yue Cantonese|fil Filipino|haw Hawaiian|ceb Cebuano|hmn Hmong|ast Asturian|ckb Central Kurdish|kab Kabyle|nds Low German|sah Yakut|arz Egyptian Arabic|mai Maithili|gsw Swiss German';

/** [code, English name], most-used first: English and the languages most cards list, then the rest alphabetically. */
export const LANGUAGES: ReadonlyArray<readonly [string, string]> = (() => {
  const all = `${ISO_639_1}|${ISO_639_3}`.split('|').map((entry) => {
    const space = entry.indexOf(' ');
    return [entry.slice(0, space), entry.slice(space + 1)] as const;
  });
  const first = ['en', 'zh', 'fr', 'de', 'es', 'ru', 'ja', 'ko', 'pt', 'it', 'ar', 'hi'];
  return [...first.map((code) => all.find(([c]) => c === code)!), ...all.filter(([code]) => !first.includes(code))];
})();

/** The English name of a language code, if Cardwright knows it. */
export function languageName(code: string): string | undefined {
  return LANGUAGES.find(([c]) => c === code)?.[1];
}
