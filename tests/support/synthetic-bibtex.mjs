// A large, realistic .bib for the import benchmark (issue #12: 3 MB, 7,000 entries). Not a product feature.
// Deterministic: the same count gives the same file. Shaped like what reference managers export and what
// Better BibTeX's import fixtures hold (written here from scratch, none of their content): every common entry
// type, LaTeX accents in names and titles, math in titles and abstracts, case-protected acronyms, `@string`
// abbreviations, Zotero's `file`/`urldate`/`langid` fields, about one entry in three an arXiv e-print (in
// each of the ways exporters name one), some with keywords and notes, and a few that are broken.

const SURNAMES = [
  'M{\\"u}ller',
  "Garc{\\'\\i}a",
  '{\\L}ukasiewicz',
  "Dvo{\\v{r}}{\\'a}k",
  'Nowak',
  'Tanaka',
  'Smith',
  'Chen',
  'Dubois',
  'Okafor',
  'Schr{\\"o}dinger',
  'Ng',
  '{\\O}rsted',
  'Fran{\\c{c}}ois',
  'Ivanova',
  'Kowalczyk',
  'van der Berg',
  'de la Cruz',
  'Bj{\\"o}rk',
  'Erd{\\H{o}}s',
];
const GIVEN = [
  'Ashish',
  "Jos{\\'e}",
  'Zo{\\"e}',
  "Ren{\\'e}e",
  'Wei',
  'Yuki',
  'Ana',
  'Jan',
  'Fatima',
  'S{\\o}ren',
  'J.',
  "Mar{\\'\\i}a",
  'Li',
];
const TOPICS = [
  'Attention',
  'Diffusion Models',
  'Scaling Laws',
  'Sparse Mixtures of Experts',
  'Retrieval',
  'Graph Neural Networks',
  'Reinforcement Learning',
  'State Space Models',
  'Tokenizers',
  'Vision Transformers',
  '{BERT}',
  '{GPT}-style Decoders',
  'Gaussian Processes',
  'Variational Inference',
  'Kernel Methods',
  'Protein Folding',
];
const TITLE_PATTERNS = [
  (a, b) => `${a} Is All You Need for ${b}`,
  (a, b) => `Revisiting ${a}: A Study of ${b}`,
  (a) => `On the $\\mathcal{O}(n \\log n)$ Complexity of ${a}`,
  (a, b) => `{${a}} at Scale: {${b}} with $\\alpha$-Stable Noise`,
  (a, b) => `Understanding ${a} through the Lens of ${b}`,
  (a, b) => `${a} and ${b} in {\\"U}bersicht --- a Survey`,
  (a, b) => `Towards Efficient ${a} with $k$-Nearest ${b}`,
  (a, b) => `A Note on ${a} \\& ${b} (Extended Version)`,
];
const SENTENCES = [
  'We study the problem in a setting where the data are scarce and the labels noisy.',
  'Our method achieves $\\mathcal{O}(\\sqrt{T})$ regret, matching the lower bound up to logarithmic factors.',
  'Experiments on {ImageNet} and {COCO} show gains of 3.2\\% over strong baselines.',
  'The approach, na{\\"\\i}ve as it may seem, outperforms prior art by a wide margin.',
  'We prove that the estimator is consistent when $n \\to \\infty$ and $d/n \\to \\gamma \\in (0, 1)$.',
  'Code and models are released to foster reproducible research.',
  "This extends the work of Erd{\\H{o}}s and R{\\'e}nyi to weighted graphs with heavy tails.",
  'A thorough ablation isolates the contribution of each component.',
  'We further discuss limitations, broader impact and directions for future work.',
  'Strikingly, a two-layer model trained for one epoch recovers most of the effect.',
];
const JOURNALS = ['jmlr', 'tpami', 'nat', 'prl', 'jacm', '{Neural Computation}', '{Transactions on Machine Learning Research}'];
const VENUES = [
  'neurips',
  'icml',
  '{International Conference on Learning Representations ({ICLR})}',
  '{Proceedings of the {IEEE}/{CVF} Conference on Computer Vision and Pattern Recognition}',
];
const KEYWORDS = ['to-read', 'survey', 'transformers', 'theory', 'reproduce', 'bayesian', 'vision', 'nlp', 'rl', 'optimization'];
const CATEGORIES = ['cs.LG', 'cs.CL', 'cs.CV', 'stat.ML', 'cs.AI', 'math.OC', 'hep-th', 'quant-ph'];

const STRINGS = [
  '@string{jmlr = {Journal of Machine Learning Research}}',
  '@string{tpami = {{IEEE} Transactions on Pattern Analysis and Machine Intelligence}}',
  '@string{neurips = {Advances in Neural Information Processing Systems}}',
  '@string{icml = {Proceedings of the International Conference on Machine Learning}}',
];

/**
 * A .bib of `count` entries, about 430 bytes each on average (3 MB at 7,000), and how many of them carry
 * an arXiv id that PaperShelf imports (distinct ids; the rest are skipped, as in a real reference library).
 * @param {number} count
 * @returns {{ text: string, arxivEntries: number }}
 */
export function syntheticBibtex(count) {
  let state = 0x1b873593;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;

  const entries = [...STRINGS];
  let arxivEntries = 0;
  for (let index = 0; index < count; index++) {
    const surname = pick(SURNAMES);
    const year = 2010 + Math.floor(random() * 16);
    const key = `${surname.replace(/[^A-Za-z]/g, '').toLowerCase()}${year}${index}`;
    const authors = Array.from({ length: 1 + Math.floor(random() * 6) }, () => `${pick(SURNAMES)}, ${pick(GIVEN)}`);
    if (chance(0.05)) authors.push('others');
    const title = pick(TITLE_PATTERNS)(pick(TOPICS), pick(TOPICS));
    const fields = [`  title = {${title}}`, `  author = {${authors.join(' and ')}}`, `  year = {${year}}`];
    const arxiv = chance(0.35);
    // Ids that never repeat: a month (2015 on) and a serial number.
    const id = `${String(year).slice(2)}${String(1 + (index % 12)).padStart(2, '0')}.${String(10000 + index).padStart(5, '0')}`;
    let type;
    if (arxiv) {
      arxivEntries++;
      type = pick(['misc', 'article', 'online']);
      const style = index % 4;
      if (style === 0) fields.push(`  eprint = {${id}}`, '  archivePrefix = {arXiv}', `  primaryClass = {${pick(CATEGORIES)}}`);
      else if (style === 1) fields.push(`  journal = {arXiv preprint arXiv:${id}}`);
      else if (style === 2) fields.push(`  eprint = {${id}v2}`, '  eprinttype = {arxiv}', `  eprintclass = {${pick(CATEGORIES)}}`);
      else fields.push(`  url = {https://arxiv.org/abs/${id}}`, `  doi = {10.48550/arXiv.${id}}`);
    } else {
      type = pick(['article', 'article', 'inproceedings', 'inproceedings', 'book', 'incollection', 'phdthesis', 'techreport']);
      if (type === 'article') fields.push(`  journal = ${pick(JOURNALS)}`, `  volume = {${1 + Math.floor(random() * 40)}}`);
      if (type === 'inproceedings' || type === 'incollection') fields.push(`  booktitle = ${pick(VENUES)}`);
      if (type === 'book') fields.push('  publisher = {Springer-Verlag}', '  address = {Berlin, Heidelberg}');
      if (type === 'phdthesis') fields.push("  school = {{\\'E}cole Polytechnique F{\\'e}d{\\'e}rale de Lausanne}");
      if (type === 'techreport') fields.push('  institution = {{MIT} {CSAIL}}', `  number = {TR-${index}}`);
      const first = 1 + Math.floor(random() * 900);
      fields.push(`  pages = {${first}--${first + 8 + Math.floor(random() * 20)}}`);
      if (chance(0.6)) fields.push(`  doi = {10.${1000 + (index % 9000)}/${key}}`);
    }
    if (chance(0.5)) fields.push(`  month = ${pick(['jan', 'feb', 'mar', 'jun', 'sep', 'oct', 'dec'])}`);
    if (chance(0.18)) {
      const sentences = Array.from({ length: 4 + Math.floor(random() * 8) }, () => pick(SENTENCES));
      fields.push(`  abstract = {${sentences.join(' ')}}`);
    }
    if (chance(0.3)) {
      const words = [...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(KEYWORDS)))];
      fields.push(`  keywords = {${words.join(', ')}}`);
    }
    if (chance(0.12)) fields.push(`  annote = {Read for the reading group \\\\ see section~3, eq.~(4): $p(x \\mid z)$}`);
    if (chance(0.1)) fields.push(`  note = {Accepted at ${pick(['NeurIPS', 'ICML', 'ICLR'])} ${year}}`);
    if (chance(0.25)) {
      fields.push(
        '  langid = {english}',
        `  urldate = {${2020 + (index % 6)}-0${1 + (index % 9)}-1${index % 10}}`,
        `  file = {Full Text PDF:/home/user/Zotero/storage/${key.slice(0, 8).toUpperCase()}/${key}.pdf:application/pdf}`,
      );
    }
    // One entry in 700 is broken (an unclosed brace in a field), as real files sometimes are.
    if (index % 700 === 699) fields.push('  howpublished = {\\url{https://example.org/broken}');
    entries.push(`@${type}{${key},\n${fields.join(',\n')}\n}`);
  }
  return { text: `${entries.join('\n\n')}\n`, arxivEntries };
}
