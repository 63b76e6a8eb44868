/**
 * Cardwright's facts about every license id the Hub accepts. Names and Hub links come from the
 * generated `hubLicenseIds.ts`; the classifications, summaries and clause references below are our
 * own concise words (guidance, not legal advice), each with the clause and link it rests on.
 * Coverage of every Hub id is checked by test/unit/licenses/licenseFacts.test.ts.
 */
import { HUB_LICENSES } from './hubLicenseIds';
import { LicenseFact, SourcedFact } from './licenseTypes';

type Draft = Omit<LicenseFact, 'id' | 'name' | 'link'> & { link?: string };

const hubName = (id: string) => HUB_LICENSES.find((e) => e.id === id)?.fullName ?? id;
const hubLink = (id: string) => HUB_LICENSES.find((e) => e.id === id)?.infoLink;
const spdxLink = (spdx: string) => `https://spdx.org/licenses/${spdx}.html`;

// ---- open source software licenses -------------------------------------------------------------

function permissive(spdx: string | undefined, family: LicenseFact['family'], attribution?: string, link?: string): Draft {
  const url = link ?? (spdx ? spdxLink(spdx) : '');
  return {
    spdx, family, kind: 'permissive', commercial: 'allowed', shareAlike: false, link: url,
    attribution: attribution ? { summary: attribution, source: url } : undefined,
  };
}

function copyleft(spdx: string, family: LicenseFact['family'], kind: 'weak-copyleft' | 'strong-copyleft', clause: string, summary: string, compatible: string[]): Draft {
  const url = spdxLink(spdx);
  return {
    spdx, family, kind, commercial: 'allowed', shareAlike: kind === 'strong-copyleft', link: url,
    shareAlikeTerms: { summary, source: `${clause}, ${url}`, compatible },
  };
}

const GPL2_SA = 'Works based on the program must be licensed as a whole under the GPL v2 when distributed, with source available.';
const GPL3_SA = 'Works based on the program must be licensed as a whole under the GPL v3 when conveyed, with corresponding source.';
const AGPL_SA = 'Like the GPL v3, and users interacting with a modified version over a network must be offered its source.';

// ---- Creative Commons ----------------------------------------------------------------------------

type CcParts = 'by' | 'by-sa' | 'by-nc' | 'by-nd' | 'by-nc-nd' | 'by-nc-sa';

function cc(parts: CcParts, version: '2.0' | '2.5' | '3.0' | '4.0'): Draft {
  const url = `https://creativecommons.org/licenses/${parts}/${version}/legalcode`;
  const v4 = version === '4.0';
  const nc = parts.includes('nc');
  const sa = parts.includes('sa');
  const nd = parts.includes('nd');
  const sameOrLater = ['2.0', '2.5', '3.0', '4.0'].filter((v) => v >= version).map((v) => `cc-${parts}-${v}`).filter((id) => HUB_LICENSES.some((e) => e.id === id));
  const draft: Draft = {
    spdx: `CC-${parts.toUpperCase()}-${version}`,
    family: 'cc', link: url,
    kind: sa ? 'share-alike' : 'permissive',
    commercial: nc ? 'non-commercial' : 'allowed',
    shareAlike: sa,
    attribution: { summary: 'Credit the creator, link the license and say whether changes were made.', source: `${v4 ? 'Sec. 3(a)' : 'Sec. 4'}, ${url}` },
  };
  if (nc) {
    draft.commercialTerms = {
      summary: 'Only uses not primarily intended for commercial advantage or monetary compensation are licensed.',
      source: `${v4 ? 'Sec. 1(i) and 2(a)(1)' : 'Sec. 4 (NonCommercial restriction)'}, ${url}`,
    };
  }
  if (sa) {
    draft.shareAlikeTerms = {
      summary: 'Adapted material you share must carry the same license (or a later version or a listed compatible license).',
      source: `${v4 ? 'Sec. 3(b)' : 'Sec. 4 (ShareAlike)'}, ${url}`,
      compatible: [...sameOrLater, ...(parts === 'by-sa' && version === '4.0' ? ['gpl-3.0'] : [])],
    };
  }
  if (nd) {
    draft.noDerivatives = {
      summary: 'Adapted material may be made but not shared.',
      source: `${v4 ? 'Sec. 2(a)(1)(B)' : 'Sec. 3 (License Grant)'}, ${url}`,
    };
  }
  return draft;
}

// ---- RAIL family and vendor licenses --------------------------------------------------------------

function rail(family: LicenseFact['family'], link: string, restrictionsAt: string): Draft {
  return {
    family, kind: 'use-restricted', commercial: 'allowed', shareAlike: false, link,
    useRestrictions: {
      summary: 'Use-based restrictions (e.g. no unlawful use, no harming minors, no disinformation) apply to the model and every derivative, and must be written into the license of anything you distribute.',
      source: `${restrictionsAt}, ${link}`,
    },
  };
}

const researchOnly = (link: string, summary: string): Draft => ({
  family: 'research', kind: 'proprietary-open', commercial: 'research-only', shareAlike: false, link,
  commercialTerms: { summary, source: link },
  termsGovernDerivatives: { summary: 'Derivatives remain under the same research terms and may only be shared under them.', source: link },
});

const LLAMA_MAU = (link: string, clause = 'Sec. 2 (Additional Commercial Terms)'): SourcedFact & { key: string } => ({
  key: 'monthly-active-users',
  summary: 'If the licensee and its affiliates had more than 700 million monthly active users on the release date, a separate license from Meta is needed.',
  source: `${clause}, ${link}`,
});

function llama(id: string, version: string, naming: string | undefined, extra: Array<SourcedFact & { key: string }> = []): Draft {
  const link = hubLink(id)!;
  const policy = version === '2' ? 'https://ai.meta.com/llama/use-policy/' : `https://www.llama.com/llama${version.replace('.', '_')}/use-policy/`;
  return {
    family: 'llama', kind: 'proprietary-open', commercial: 'conditional', shareAlike: false, link,
    commercialTerms: { summary: 'Commercial use is allowed, except that licensees above 700 million monthly active users need a separate license from Meta.', source: `Sec. 2, ${link}` },
    useRestrictions: { summary: `Meta's Llama ${version} Acceptable Use Policy applies to every use of the model and its derivatives.`, source: `Sec. 1(b)(iv), ${link}; ${policy}` },
    termsGovernDerivatives: {
      summary: `Redistributing the model or a derivative requires passing on a copy of the Llama ${version} license; the Llama materials stay under it.`,
      source: `Sec. 1(b)(i), ${link}`,
    },
    naming: naming
      ? {
        prefix: naming,
        coversOutputs: version !== '3',
        summary: `A model created, trained or fine-tuned with Llama ${version} materials${version !== '3' ? ' or their outputs' : ''} and made available must have a name that begins with "${naming}".`,
        source: `Sec. 1(b)(i), ${link}`,
      }
      : undefined,
    attribution: {
      summary: version === '2'
        ? 'Keep the Llama 2 copyright notice in a "Notice" text file with every copy you distribute.'
        : `Display "${version === '3' ? 'Built with Meta Llama 3' : 'Built with Llama'}" prominently on a related website, interface or documentation, and keep the attribution notice.`,
      source: `Sec. 1(b)(i)-(iii), ${link}`,
    },
    conditions: [LLAMA_MAU(link), ...extra],
  };
}

const LLAMA_OUTPUTS = (link: string, version: string): SourcedFact & { key: string } => ({
  key: 'no-improving-other-llms',
  summary: `Outputs of the model may not be used to improve other large language models (except Llama ${version} and its derivatives).`,
  source: `Sec. 1(b)(v), ${link}`,
});

const LLAMA_EU_MULTIMODAL = (link: string, policy: string): SourcedFact & { key: string } => ({
  key: 'eu-multimodal',
  summary: 'For the multimodal models, the license rights are not granted to individuals domiciled in, or companies with their principal place of business in, the European Union (end users of products may still use them).',
  source: `Acceptable Use Policy, ${policy}; ${link}`,
});

const GEMMA_LINK = 'https://ai.google.dev/gemma/terms';

// ---- the table -----------------------------------------------------------------------------------

const DRAFTS: Record<string, Draft> = {
  'apache-2.0': permissive('Apache-2.0', 'apache', 'Keep the license, copyright and NOTICE file, and mark files you changed (Sec. 4).', 'https://www.apache.org/licenses/LICENSE-2.0'),
  mit: permissive('MIT', 'mit', 'Keep the copyright notice and the license text in copies.'),
  openrail: { ...rail('openrail', hubLink('openrail')!, 'OpenRAIL licenses: use-based restrictions paragraph'), isFamily: true },
  'bigscience-openrail-m': rail('bigscience-rail', 'https://huggingface.co/spaces/bigscience/license', 'Sec. III.4 and 5, Attachment A'),
  'creativeml-openrail-m': rail('creativeml-rail', hubLink('creativeml-openrail-m')!, 'Sec. III.4 and 5, Attachment A'),
  'bigscience-bloom-rail-1.0': rail('bigscience-rail', hubLink('bigscience-bloom-rail-1.0')!, 'Sec. III.4 and 5, Attachment A'),
  'bigcode-openrail-m': rail('bigcode-rail', hubLink('bigcode-openrail-m')!, 'Sec. III.4 and 5, Attachment A'),
  'openrail++': rail('stability-rail', hubLink('openrail++')!, 'Sec. III.4 and 5, Attachment A'),
  'afl-3.0': permissive('AFL-3.0', 'afl', 'Keep notices; the patent license ends if you sue over patents in the work (Sec. 10).'),
  'artistic-2.0': { ...copyleft('Artistic-2.0', 'artistic', 'weak-copyleft', 'Sec. 4', 'Modified versions must be made freely available, kept for private use, or distributed under a different name with the changes documented.', ['artistic-2.0']) },
  'bsl-1.0': permissive('BSL-1.0', 'boost', 'Keep the license text in source copies (not needed for compiled-only distribution).'),
  bsd: { ...permissive(undefined, 'bsd', 'Keep the copyright notice and license text.', 'https://opensource.org/license/bsd-3-clause'), isFamily: true },
  'bsd-2-clause': permissive('BSD-2-Clause', 'bsd', 'Keep the copyright notice and license text in source and binary copies.'),
  'bsd-3-clause': permissive('BSD-3-Clause', 'bsd', 'Keep the copyright notice and license text; do not use contributors\' names to endorse derived products.'),
  'bsd-3-clause-clear': permissive('BSD-3-Clause-Clear', 'bsd', 'Like BSD-3-Clause, and it states that no patent rights are granted.'),
  'c-uda': {
    ...permissive('C-UDA-1.0', 'c-uda', 'Redistributed data must keep the C-UDA and its notices.', 'https://github.com/microsoft/Computational-Use-of-Data-Agreement'),
    trainedModelsExempt: { summary: 'The agreement places no restrictions on the results of computational use, such as trained models.', source: 'the "Results" provisions, https://github.com/microsoft/Computational-Use-of-Data-Agreement' },
  },
  cc: { spdx: undefined, family: 'cc', kind: 'unknown', commercial: 'unknown', shareAlike: false, isFamily: true, link: 'https://creativecommons.org/licenses/' },
  'cc0-1.0': { spdx: 'CC0-1.0', family: 'cc', kind: 'public-domain', commercial: 'allowed', shareAlike: false, link: 'https://creativecommons.org/publicdomain/zero/1.0/legalcode' },
  'cc-by-2.0': cc('by', '2.0'),
  'cc-by-2.5': cc('by', '2.5'),
  'cc-by-3.0': cc('by', '3.0'),
  'cc-by-4.0': cc('by', '4.0'),
  'cc-by-sa-3.0': cc('by-sa', '3.0'),
  'cc-by-sa-4.0': cc('by-sa', '4.0'),
  'cc-by-nc-2.0': cc('by-nc', '2.0'),
  'cc-by-nc-3.0': cc('by-nc', '3.0'),
  'cc-by-nc-4.0': cc('by-nc', '4.0'),
  'cc-by-nd-4.0': cc('by-nd', '4.0'),
  'cc-by-nc-nd-3.0': cc('by-nc-nd', '3.0'),
  'cc-by-nc-nd-4.0': cc('by-nc-nd', '4.0'),
  'cc-by-nc-sa-2.0': cc('by-nc-sa', '2.0'),
  'cc-by-nc-sa-3.0': cc('by-nc-sa', '3.0'),
  'cc-by-nc-sa-4.0': cc('by-nc-sa', '4.0'),
  'cdla-sharing-1.0': {
    spdx: 'CDLA-Sharing-1.0', family: 'cdla', kind: 'share-alike', commercial: 'allowed', shareAlike: true, link: 'https://cdla.dev/sharing-1-0/',
    shareAlikeTerms: { summary: 'Data you publish, including enhanced data, must be shared under the same agreement.', source: 'the "Publishing Data" / share-alike provisions, https://cdla.dev/sharing-1-0/', compatible: ['cdla-sharing-1.0'] },
    trainedModelsExempt: { summary: 'Results of computational use of the data, such as trained models, are not restricted by the agreement.', source: 'the definition of "Results" and the Results provisions, https://cdla.dev/sharing-1-0/' },
  },
  'cdla-permissive-1.0': {
    ...permissive('CDLA-Permissive-1.0', 'cdla', 'Keep the agreement\'s text and notices when you publish the data.', 'https://cdla.dev/permissive-1-0/'),
    trainedModelsExempt: { summary: 'Results of computational use, such as trained models, are not restricted.', source: 'the definition of "Results" and the Results provisions, https://cdla.dev/permissive-1-0/' },
  },
  'cdla-permissive-2.0': {
    ...permissive('CDLA-Permissive-2.0', 'cdla', 'Make the agreement\'s text or a link to it available when you share the data.', 'https://cdla.dev/permissive-2-0/'),
    trainedModelsExempt: { summary: 'Results of using the data, such as trained models, carry no obligations under the agreement.', source: 'the Results provisions, https://cdla.dev/permissive-2-0/' },
  },
  wtfpl: permissive('WTFPL', 'wtfpl'),
  'ecl-2.0': permissive('ECL-2.0', 'ecl', 'Apache-2.0-style notices; the patent grant is narrowed for universities.'),
  'epl-1.0': copyleft('EPL-1.0', 'epl', 'weak-copyleft', 'Sec. 3', 'Changes to EPL-licensed code you distribute must be available under the EPL; separate modules may use other licenses.', ['epl-1.0', 'epl-2.0']),
  'epl-2.0': copyleft('EPL-2.0', 'epl', 'weak-copyleft', 'Sec. 3', 'Modified EPL files you distribute stay under the EPL with source available; separate modules may use other licenses.', ['epl-2.0']),
  'etalab-2.0': permissive('etalab-2.0', 'etalab', 'Credit the source and the date of its last update.', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/'),
  'eupl-1.1': copyleft('EUPL-1.1', 'eupl', 'strong-copyleft', 'Art. 5 (Copyleft clause)', 'Derivative works must be distributed under the EUPL or a license in its compatibility list.', ['eupl-1.1', 'eupl-1.2', 'gpl-2.0', 'osl-3.0', 'epl-1.0']),
  'eupl-1.2': copyleft('EUPL-1.2', 'eupl', 'strong-copyleft', 'Art. 5 (Copyleft clause) and Appendix', 'Derivative works must be distributed under the EUPL or a license in its appendix of compatible licenses.', ['eupl-1.2', 'gpl-2.0', 'gpl-3.0', 'agpl-3.0', 'osl-3.0', 'epl-1.0', 'mpl-2.0', 'lgpl-2.1', 'lgpl-3.0', 'cc-by-sa-3.0']),
  'agpl-3.0': copyleft('AGPL-3.0-only', 'agpl', 'strong-copyleft', 'Sec. 5(c) and 13', AGPL_SA, ['agpl-3.0']),
  gfdl: { ...copyleft('GFDL-1.3-only', 'gfdl', 'strong-copyleft', 'Sec. 4 (Modifications)', 'Modified versions of the document must be released under the GFDL.', ['gfdl']), spdx: undefined, isFamily: true },
  gpl: { ...copyleft('GPL-3.0-only', 'gpl', 'strong-copyleft', 'GPL v2 Sec. 2(b) / GPL v3 Sec. 5(c)', 'Derived works must be licensed as a whole under the GPL (the id does not say which version).', ['gpl', 'gpl-2.0', 'gpl-3.0', 'agpl-3.0']), spdx: undefined, isFamily: true, link: 'https://www.gnu.org/licenses/licenses.html#GPL' },
  'gpl-2.0': copyleft('GPL-2.0-only', 'gpl', 'strong-copyleft', 'Sec. 2(b)', GPL2_SA, ['gpl-2.0']),
  'gpl-3.0': copyleft('GPL-3.0-only', 'gpl', 'strong-copyleft', 'Sec. 5(c)', GPL3_SA, ['gpl-3.0', 'agpl-3.0']),
  lgpl: { ...copyleft('LGPL-3.0-only', 'lgpl', 'weak-copyleft', 'LGPL v2.1 Sec. 2 / LGPL v3 Sec. 2', 'Changes to the library itself stay under the LGPL (or the GPL); works that only use it may have other licenses.', ['lgpl', 'lgpl-2.1', 'lgpl-3.0', 'gpl', 'gpl-2.0', 'gpl-3.0']), spdx: undefined, isFamily: true, link: 'https://www.gnu.org/licenses/lgpl-3.0.html' },
  'lgpl-2.1': copyleft('LGPL-2.1-only', 'lgpl', 'weak-copyleft', 'Sec. 2 and 3', 'Modified versions of the library must stay under the LGPL v2.1 (or be converted to the GPL); works that only link to it may have other licenses.', ['lgpl-2.1', 'gpl-2.0', 'gpl-3.0']),
  'lgpl-3.0': copyleft('LGPL-3.0-only', 'lgpl', 'weak-copyleft', 'Sec. 2 and 4', 'Modified versions of the library must stay under the LGPL v3 (or the GPL v3); works that only use it may have other licenses.', ['lgpl-3.0', 'gpl-3.0']),
  isc: permissive('ISC', 'isc', 'Keep the copyright notice and permission notice.'),
  'h-research': researchOnly(hubLink('h-research')!, 'Licensed for non-commercial research use only; commercial use needs a separate agreement with H Company.'),
  'intel-research': researchOnly(hubLink('intel-research')!, 'Licensed for non-commercial research use only.'),
  'lppl-1.3c': { ...copyleft('LPPL-1.3c', 'lppl', 'weak-copyleft', 'Sec. 6', 'Modified files must be clearly identified as changed (typically under a different name) and keep the license.', ['lppl-1.3c']) },
  'ms-pl': copyleft('MS-PL', 'ms-pl', 'weak-copyleft', 'Sec. 3(D)', 'Source code you distribute must stay under the MS-PL; compiled forms may use a compatible license.', ['ms-pl']),
  'apple-ascl': permissive(undefined, 'apple', 'Keep Apple\'s notice and do not use Apple\'s names to endorse derived products.', hubLink('apple-ascl')),
  'apple-amlr': researchOnly(hubLink('apple-amlr')!, 'Licensed for research use only; commercial use and use in products are not licensed.'),
  'mpl-2.0': copyleft('MPL-2.0', 'mpl', 'weak-copyleft', 'Sec. 3.1 and 3.2', 'Files under the MPL that you modify and distribute stay under the MPL with source available; new files may use other licenses.', ['mpl-2.0']),
  'odc-by': permissive('ODC-By-1.0', 'odc', 'Credit the database as the license requires, including in works produced from it.', 'https://opendatacommons.org/licenses/by/1-0/'),
  odbl: {
    spdx: 'ODbL-1.0', family: 'odc', kind: 'share-alike', commercial: 'allowed', shareAlike: true, link: 'https://opendatacommons.org/licenses/odbl/1-0/',
    shareAlikeTerms: { summary: 'Adapted databases you publicly use or share must be offered under the ODbL.', source: 'Sec. 4.4, https://opendatacommons.org/licenses/odbl/1-0/', compatible: ['odbl'] },
    trainedModelsExempt: { summary: 'Works produced from the database (e.g. a trained model) only need a notice naming the database and the ODbL.', source: 'Sec. 4.3, https://opendatacommons.org/licenses/odbl/1-0/' },
  },
  'openmdw-1.0': permissive(undefined, 'openmdw', 'Keep the license and notices with the model materials.', hubLink('openmdw-1.0')),
  'openmdw-1.1': permissive(undefined, 'openmdw', 'Keep the license and notices with the model materials.', hubLink('openmdw-1.1')),
  'osl-3.0': copyleft('OSL-3.0', 'osl', 'strong-copyleft', 'Sec. 1(c) and 5', 'Derivative works you distribute, including over a network, must be licensed under the OSL 3.0.', ['osl-3.0']),
  postgresql: permissive('PostgreSQL', 'postgresql', 'Keep the copyright notice and the two disclaimers.'),
  'ofl-1.1': copyleft('OFL-1.1', 'ofl', 'weak-copyleft', 'Conditions 3 and 5', 'Modified fonts must stay under the OFL and may not use Reserved Font Names.', ['ofl-1.1']),
  ncsa: permissive('NCSA', 'ncsa', 'Keep the copyright notice, conditions and disclaimer; no endorsement by the names.'),
  unlicense: { spdx: 'Unlicense', family: 'unlicense', kind: 'public-domain', commercial: 'allowed', shareAlike: false, link: spdxLink('Unlicense') },
  zlib: permissive('Zlib', 'zlib', 'Do not misrepresent the origin; mark altered versions; keep the notice in source.'),
  pddl: { spdx: 'PDDL-1.0', family: 'odc', kind: 'public-domain', commercial: 'allowed', shareAlike: false, link: 'https://opendatacommons.org/licenses/pddl/1-0/' },
  'lgpl-lr': copyleft('LGPLLR', 'lgpl-lr', 'weak-copyleft', 'Sec. 2', 'Modified linguistic resources must stay under the LGPLLR; works that only use them may have other licenses.', ['lgpl-lr']),
  'deepfloyd-if-license': researchOnly(hubLink('deepfloyd-if-license') ?? 'https://huggingface.co/spaces/DeepFloyd/deepfloyd-if-license', 'Licensed for non-commercial research purposes only.'),
  'fair-noncommercial-research-license': researchOnly(hubLink('fair-noncommercial-research-license')!, 'Licensed for non-commercial research use only.'),
  llama2: llama('llama2', '2', undefined, [LLAMA_OUTPUTS(hubLink('llama2')!, '2')]),
  llama3: llama('llama3', '3', 'Llama 3', [LLAMA_OUTPUTS(hubLink('llama3')!, '3')]),
  'llama3.1': llama('llama3.1', '3.1', 'Llama'),
  'llama3.2': llama('llama3.2', '3.2', 'Llama', [LLAMA_EU_MULTIMODAL(hubLink('llama3.2')!, 'https://www.llama.com/llama3_2/use-policy/')]),
  'llama3.3': llama('llama3.3', '3.3', 'Llama'),
  llama4: llama('llama4', '4', 'Llama', [LLAMA_EU_MULTIMODAL(hubLink('llama4')!, 'https://www.llama.com/llama4/use-policy/')]),
  'grok2-community': {
    family: 'grok', kind: 'proprietary-open', commercial: 'conditional', shareAlike: false, link: hubLink('grok2-community')!,
    commercialTerms: { summary: 'Use is allowed under xAI\'s terms and acceptable use policy; read the license for the commercial conditions that apply to you.', source: hubLink('grok2-community')! },
    useRestrictions: { summary: 'xAI\'s acceptable use policy applies to the model and its derivatives.', source: hubLink('grok2-community')! },
    termsGovernDerivatives: { summary: 'Derivatives and redistributions remain under the Grok 2 Community License.', source: hubLink('grok2-community')! },
    conditions: [{ key: 'no-training-other-models', summary: 'The model and its outputs may not be used to train or improve other general-purpose models, except modifications of Grok 2 itself.', source: hubLink('grok2-community')! }],
  },
  gemma: {
    family: 'gemma', kind: 'proprietary-open', commercial: 'allowed', shareAlike: false, link: GEMMA_LINK,
    useRestrictions: { summary: 'The Gemma Prohibited Use Policy applies, and must be made an enforceable part of any agreement under which you distribute Gemma or a model derivative.', source: `Sec. 3.1(a) and 3.2, ${GEMMA_LINK}; https://ai.google.dev/gemma/prohibited_use_policy` },
    termsGovernDerivatives: { summary: 'Gemma and model derivatives must be distributed with a copy of the Gemma Terms of Use and their use restrictions.', source: `Sec. 3.1(b), ${GEMMA_LINK}` },
    attribution: { summary: 'Ship a "Notice" file stating that Gemma is provided under the Gemma Terms of Use, and mark modified files.', source: `Sec. 3.1(c) and (d), ${GEMMA_LINK}` },
    conditions: [{ key: 'distillation-is-derivative', summary: 'A model trained on Gemma\'s outputs or weights (e.g. by distillation) counts as a model derivative and falls under the same terms.', source: `Sec. 1.1 (definition of Model Derivatives), ${GEMMA_LINK}` }],
  },
  unknown: { family: 'unknown', kind: 'unknown', commercial: 'unknown', shareAlike: false, link: 'https://huggingface.co/docs/hub/repositories-licenses' },
  other: { family: 'other', kind: 'unknown', commercial: 'unknown', shareAlike: false, link: 'https://huggingface.co/docs/hub/repositories-licenses' },
};

/** Every Hub license id with its facts, in the Hub's order. */
export const LICENSE_FACTS: ReadonlyMap<string, LicenseFact> = new Map(
  HUB_LICENSES.filter((entry) => DRAFTS[entry.id] !== undefined).map((entry) => {
    const draft = DRAFTS[entry.id];
    const fact: LicenseFact = { ...draft, id: entry.id, name: hubName(entry.id), link: draft.link || entry.infoLink || '' };
    for (const key of Object.keys(fact) as Array<keyof LicenseFact>) if (fact[key] === undefined) delete fact[key];
    return [entry.id, fact];
  }),
);

/** Ids in the facts table that the Hub list does not have (should be none; checked by tests). */
export const EXTRA_FACT_IDS: readonly string[] = Object.keys(DRAFTS).filter((id) => !HUB_LICENSES.some((e) => e.id === id));
