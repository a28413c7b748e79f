// A large, realistic library for scale tests and the benchmark (issue #4: 10,000 papers after a few years).
// Not a product feature. Deterministic: the same count gives the same papers.

/**
 * `count` valid `Paper` records (lib/model/paper.ts), newest saved first. Self-contained (no imports, no closure)
 * so that seed.mjs can run it inside a page via its source text instead of shipping megabytes of JSON.
 * Titles, authors and abstracts vary like real ones: about 1 KB of mostly ASCII abstract, accented
 * author names (`Müller`, `Łukasz`), one paper in three with code, a few tags and notes.
 * @param {number} count
 * @param {number} [now] epoch ms of the newest save
 */
export function syntheticPapers(count, now = Date.UTC(2026, 8, 28, 9, 0, 0)) {
  let state = 0x2545f491;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const topics = [
    'Attention',
    'Diffusion',
    'Scaling Laws',
    'Sparse Mixtures',
    'Retrieval',
    'Graph Networks',
    'Reinforcement Learning',
    'State Space Models',
    'Tokenizers',
    'Vision Transformers',
    'Speculative Decoding',
    'Preference Optimization',
    'Quantization',
    'Protein Folding',
    'Weather Forecasting',
    'Program Synthesis',
  ];
  const verbs = [
    'Revisiting',
    'Understanding',
    'Scaling',
    'Rethinking',
    'Accelerating',
    'Taming',
    'Unifying',
    'Benchmarking',
    'Distilling',
    'Aligning',
  ];
  const tails = [
    'at Scale',
    'for Long Contexts',
    'without Labels',
    'in the Wild',
    'with Linear Cost',
    'from First Principles',
    'on a Budget',
    'for Robotics',
    'via Self-Play',
    'Made Simple',
  ];
  const given = [
    'Anna',
    'Łukasz',
    'Zoë',
    'José',
    'Mei',
    'Oluwaseun',
    'Søren',
    'Ingrid',
    'Hiroshi',
    'Priya',
    'François',
    'Dmitri',
    'Aisha',
    'Björn',
    'Chen',
    'Nguyễn',
  ];
  const family = [
    'Müller',
    'Nowak',
    'García',
    'Wang',
    'Adeyemi',
    'Kierkegaard',
    'Larsson',
    'Tanaka',
    'Patel',
    'Chollet',
    'Ivanov',
    'Khan',
    'Ångström',
    'Li',
    'Smith',
    'Văn An',
  ];
  const sentences = [
    'We study the problem in a setting where labelled data is scarce and compute is limited.',
    'Our method replaces the quadratic step with a linear-time approximation that preserves accuracy.',
    'Experiments on standard benchmarks show consistent gains over strong baselines.',
    'We release code, checkpoints and an evaluation harness to support reproducibility.',
    'A theoretical analysis explains when and why the approach succeeds.',
    'Ablations isolate the contribution of each component of the architecture.',
    'The resulting models are smaller, faster at inference time and easier to fine-tune.',
    'We further show that the learned representations transfer to downstream tasks.',
    'Surprisingly, a simple baseline matches prior state of the art when tuned properly.',
    'Finally, we discuss limitations and directions for future work.',
  ];
  const tagPool = ['to read', 'transformers', 'diffusion', 'rl', 'theory', 'benchmarks', 'efficiency', 'vision', 'nlp', 'favourites'];
  const statuses = ['unread', 'unread', 'unread', 'reading', 'read', 'read'];
  const papers = [];
  for (let index = 0; index < count; index++) {
    const topic = pick(topics);
    // Ids run backwards from September 2026 like real saves, 1,000 papers a month, numbers unique within a
    // month: 100,000 papers reach back to 2018, so every id stays a valid new-style arXiv id (2007 and later).
    const monthIndex = 26 * 12 + 8 - Math.floor(index / 1000);
    const year = Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const yymm = `${String(year).padStart(2, '0')}${String(month).padStart(2, '0')}`;
    const id = `${yymm}.${String(10001 + (index % 1000) * 7).padStart(5, '0')}`;
    const authors = Array.from({ length: 2 + Math.floor(random() * 6) }, () => `${pick(given)} ${pick(family)}`);
    const abstract = Array.from({ length: 7 + Math.floor(random() * 5) }, () => pick(sentences))
      .join(' ')
      .replace('the problem', `${topic.toLowerCase()}`);
    const hasCode = random() < 0.35;
    const tags =
      random() < 0.4 ? [pick(tagPool), ...(random() < 0.3 ? [pick(tagPool)] : [])].filter((tag, i, all) => all.indexOf(tag) === i) : [];
    const savedAt = now - index * 3 * 3600_000 - Math.floor(random() * 3600_000);
    papers.push({
      id,
      title: `${pick(verbs)} ${topic} ${pick(tails)} (${index + 1})`,
      authors,
      abstract,
      published: `20${String(year).padStart(2, '0')}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      primaryCategory: pick(['cs.LG', 'cs.CL', 'cs.CV', 'stat.ML', 'cs.AI']),
      links: { code: hasCode ? [`https://github.com/lab-${index % 97}/${topic.toLowerCase().replace(/\s+/g, '-')}-${index}`] : [] },
      source: { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' },
      tags,
      status: pick(statuses),
      notes: random() < 0.1 ? `Follow-up on ${topic.toLowerCase()}; compare with section ${1 + Math.floor(random() * 6)}.` : '',
      savedAt,
      updatedAt: savedAt,
    });
  }
  return papers;
}
