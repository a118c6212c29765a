// Resolving a layer chain (law → full text → changes of each lower layer) into one regulation.
// Every node ends up with an explicit legal basis, and `provenance` records which file last set it.
import type { ParsedFile } from './parse.ts';
import { at } from './parse.ts';
import type { PathSegment, Problem } from './problems.ts';
import type { Basis, Category, Change, Condition, Parameter, Regulation, RuleFile, Statute } from './schema.ts';
import type { z } from 'zod';
import { categoriesInForce, type CategoriesInForce } from './category-facts.ts';
import { childrenOf, kindOf, leavesOf, withChildren } from './condition-tree.ts';
import { parameterProblems, unitChangeProblem } from './units.ts';

type BasisT = z.infer<typeof Basis>;

export interface Resolved {
  statute: Statute;
  regulation: Regulation;
  /** Node key (e.g. `category/mantelzorg`, `parameter/geldigheidsduur`) → file that last set it. */
  provenance: Record<string, string>;
  /** Rank and exemptions of every category, in ranking order. */
  categoryFacts: CategoriesInForce;
}

/** Fills a basis from the file it stands in: the file's title is the regulation cited. */
export function withDefaults(basis: BasisT, file: RuleFile): BasisT {
  return { regulation: file.title, ...(file.source?.url && !basis.url && !basis.regulation ? { url: file.source.url } : {}), ...basis };
}

/** Gives every condition node an explicit basis: its own, else its parent's. */
function fillConditionBasis(c: Condition, inherited: BasisT, file: RuleFile): Condition {
  const basis = c.basis ? withDefaults(c.basis, file) : inherited;
  return { ...withChildren(c, (x) => fillConditionBasis(x, basis, file)), basis };
}

function fillTest<T extends { basis: BasisT; conditions: Condition }>(t: T, file: RuleFile): T {
  const basis = withDefaults(t.basis, file);
  return { ...t, basis, conditions: fillConditionBasis(t.conditions, basis, file) };
}

function fillRegulation(r: Regulation, file: RuleFile): Regulation {
  const fill = (b: BasisT) => withDefaults(b, file);
  return {
    parameters: Object.fromEntries(Object.entries(r.parameters).map(([k, p]) => [k, { ...p, basis: fill(p.basis) }])),
    requirements: r.requirements.map((t) => fillTest(t, file)),
    refusalGrounds: r.refusalGrounds.map((t) => fillTest(t, file)),
    categories: r.categories.map((t) => fillTest(t, file)),
    ranking: { ...r.ranking, basis: fill(r.ranking.basis) },
    validity: { ...r.validity, basis: fill(r.validity.basis) },
    searchProfile: { ...r.searchProfile, basis: fill(r.searchProfile.basis) },
    articles: r.articles,
  };
}

/**
 * Resolves a chain, top (law) first. `chain[0]` holds the statute, `chain[1]` the full text, the rest
 * declare changes. Returns the problems of changes that do not fit their parent instead of throwing.
 */
export function resolveChain(chain: ParsedFile[]): { resolved?: Resolved; problems: Problem[] } {
  const [law, base, ...lower] = chain;
  const problems: Problem[] = [];
  if (!law?.content.statute || !base?.content.regulation) {
    const f = base ?? law!;
    return { problems: [at(f.file, f.locate, ['extends'], 'de keten moet beginnen met een wet en een volledige tekst (regulation)')] };
  }
  const regulation = fillRegulation(structuredClone(base.content.regulation), base.content);
  const provenance: Record<string, string> = {};
  const mark = (key: string, file: string) => { provenance[key] = file; };
  for (const [k] of Object.entries(regulation.parameters)) mark(`parameter/${k}`, base.file);
  for (const key of ['requirements', 'refusalGrounds', 'categories'] as const) {
    for (const t of regulation[key]) mark(`${nodeKind[key]}/${t.id}`, base.file);
  }
  for (const a of regulation.articles) mark(`article/${a.id}`, base.file);
  for (const k of ['ranking', 'validity', 'searchProfile']) mark(k, base.file);

  for (const layer of lower) {
    layer.content.changes?.forEach((change, i) => {
      const fail = (message: string, ...path: PathSegment[]) => problems.push(at(layer.file, layer.locate, ['changes', i, ...path], message));
      applyChange(regulation, change, layer.content, fail, (key) => mark(key, layer.file));
    });
  }
  const statute = fillStatute(law.content.statute, law.content);
  const regional = applyStatute(regulation, statute, law.content);
  for (const message of checkReferences(regulation)) problems.push({ file: chain.at(-1)!.file, message });
  return { resolved: { statute, regulation, provenance, categoryFacts: categoriesInForce(statute, regulation, regional) }, problems };
}

/** Every basis of the statute cites the law file's title (and URL) unless it names its own. */
function fillStatute(st: Statute, file: RuleFile): Statute {
  const fill = <T extends { basis: BasisT }>(x: T): T => ({ ...x, basis: withDefaults(x.basis, file) });
  return {
    ...st,
    ...(st.transition && { transition: fill(st.transition) }),
    categories: st.categories.map(fill),
    exemptions: st.exemptions.map(fill),
    bindingShield: st.bindingShield.map(fill),
    ...(st.provisional && { provisional: fill(st.provisional) }),
  };
}

/** The parameter by which a regulation reads art. 14 lid 6 otherwise (docs/legal-readings.md). */
export const REGIONAL_BINDING_READING = 'binding.regioVoorWettelijkeCategorieen';

/** The id of the node that holds the law's own conditions inside a category that implements it. */
const lawNode = (statutory: string) => `wet:${statutory}`;

/**
 * What the law itself adds to every regulation under it, after all layers (and again after a variant's
 * changes): the law's own conditions of each statutory category, so that no layer can widen one, and,
 * where the regulation asks binding, the regional binding that replaces it for the statutory categories
 * (art. 14 lid 6). Idempotent. Returns whether the regional reading applies.
 */
export function applyStatute(r: Regulation, statute: Statute, lawFile: Pick<RuleFile, 'title' | 'source'>): boolean {
  const byId = new Map(statute.categories.map((s) => [s.id, s]));
  const file = lawFile as RuleFile;
  r.categories = r.categories.map((c) => {
    const law = c.statutory ? byId.get(c.statutory) : undefined;
    if (!law?.conditions) return c;
    const id = lawNode(law.id);
    if (c.conditions.id === id || childrenOf(c.conditions).some((x) => x.id === id)) return c;
    const conditions = { ...fillConditionBasis(law.conditions, withDefaults(law.basis, file), file), id };
    return { ...c, conditions: { all: [conditions, c.conditions], basis: c.basis } };
  });
  const regional = parameterOf(r, REGIONAL_BINDING_READING)?.value !== false;
  const asksBinding = r.requirements.some((q) => q.subject === 'binding');
  const added = statute.regionalBinding?.requirement.id;
  r.requirements = r.requirements.filter((q) => !(q.statutoryOnly && q.id === added));
  if (regional && asksBinding && statute.regionalBinding) {
    r.requirements.push({ ...fillTest(statute.regionalBinding.requirement, file), statutoryOnly: true });
  }
  return regional;
}

/** A parameter the regulation defines: its own property, never one of Object.prototype's ('constructor'). */
const parameterOf = (r: Regulation, name: string): Parameter | undefined =>
  Object.hasOwn(r.parameters, name) ? r.parameters[name] : undefined;

const nodeKind = { requirements: 'requirement', refusalGrounds: 'refusalGround', categories: 'category' } as const;

export function applyChange(r: Regulation, ch: Change, file: RuleFile, fail: (m: string, ...p: PathSegment[]) => void, mark: (key: string) => void): void {
  const basis = withDefaults(ch.basis, file);
  const findIndex = <T extends { id: string }>(list: T[], id: string, what: string, field: string): number => {
    const i = list.findIndex((x) => x.id === id);
    if (i < 0) fail(`${what} '${id}' bestaat niet in de bovenliggende regeling`, field);
    return i;
  };
  const addUnique = <T extends { id: string }>(list: T[], item: T, what: string, field: string) => {
    if (list.some((x) => x.id === item.id)) fail(`${what} '${item.id}' bestaat al; gebruik een wijziging in plaats van toevoegen`, field, 'id');
    else list.push(item);
  };
  switch (ch.op) {
    case 'setParameter': {
      const p = parameterOf(r, ch.parameter);
      if (!p) return fail(`parameter '${ch.parameter}' bestaat niet; gebruik addParameter`, 'parameter');
      if ((ch.value === undefined) === (ch.values === undefined)) return fail("geef precies één van 'value' of 'values'");
      const unitChange = ch.unit && unitChangeProblem(ch.parameter, p.unit, ch.unit);
      if (unitChange) return fail(unitChange.nl, 'unit');
      const next: Parameter = { ...p, basis, unit: ch.unit ?? p.unit };
      delete next.value;
      delete next.values;
      const set: Parameter = ch.value !== undefined ? { ...next, value: ch.value } : { ...next, values: ch.values! };
      // The change's value, values and unit stand where the parameter's do; a min/max it inherits that the
      // new unit does not allow is the unit's fault.
      const wrong = parameterProblems(ch.parameter, set);
      if (wrong.length) return wrong.forEach((x) => fail(x.message.nl, ...(x.path[0] === 'min' || x.path[0] === 'max' ? ['unit'] : x.path)));
      r.parameters[ch.parameter] = set;
      return mark(`parameter/${ch.parameter}`);
    }
    case 'addParameter': {
      if (parameterOf(r, ch.parameter)) return fail(`parameter '${ch.parameter}' bestaat al; gebruik setParameter`, 'parameter');
      const wrong = parameterProblems(ch.parameter, ch.definition);
      if (wrong.length) return wrong.forEach((x) => fail(x.message.nl, 'definition', ...x.path));
      r.parameters[ch.parameter] = { ...ch.definition, basis: withDefaults(ch.definition.basis, file) };
      return mark(`parameter/${ch.parameter}`);
    }
    case 'addCategory':
      addUnique(r.categories, fillTest(ch.category, file), 'categorie', 'category');
      // A new category ranks last unless a setRanking says otherwise.
      if (!r.ranking.order.includes(ch.category.id)) r.ranking.order = [...r.ranking.order, ch.category.id];
      return mark(`category/${ch.category.id}`);
    case 'removeCategory': {
      const i = findIndex(r.categories, ch.category, 'categorie', 'category');
      if (i >= 0) r.categories.splice(i, 1);
      r.ranking.order = r.ranking.order.filter((id) => id !== ch.category);
      return mark(`category/${ch.category}`);
    }
    case 'updateCategory': {
      const i = findIndex(r.categories, ch.category, 'categorie', 'category');
      if (i >= 0) {
        const c = r.categories[i]!;
        r.categories[i] = { ...c, ...(ch.label && { label: ch.label }), ...(ch.description && { description: ch.description }) };
      }
      return mark(`category/${ch.category}`);
    }
    case 'tightenCategory':
    case 'replaceCategoryConditions': {
      const i = findIndex(r.categories, ch.category, 'categorie', 'category');
      if (i < 0) return;
      const c: Category = r.categories[i]!;
      const added = fillConditionBasis(ch.conditions, basis, file);
      // Tightening adds conditions that must hold too (AND); replacing puts a new tree in place.
      const conditions: Condition = ch.op === 'replaceCategoryConditions' ? added
        : kindOf(c.conditions) === 'all' && !c.conditions.id ? { ...c.conditions, all: [...childrenOf(c.conditions), added] }
          : { all: [c.conditions, added], basis: c.basis };
      r.categories[i] = { ...c, conditions };
      return mark(`category/${ch.category}`);
    }
    case 'addRequirement':
      addUnique(r.requirements, fillTest(ch.requirement, file), 'voorwaarde', 'requirement');
      return mark(`requirement/${ch.requirement.id}`);
    case 'removeRequirement': {
      const i = findIndex(r.requirements, ch.requirement, 'voorwaarde', 'requirement');
      if (i >= 0) r.requirements.splice(i, 1);
      return mark(`requirement/${ch.requirement}`);
    }
    case 'replaceRequirement': {
      const i = findIndex(r.requirements, ch.requirement.id, 'voorwaarde', 'requirement');
      if (i >= 0) r.requirements[i] = fillTest(ch.requirement, file);
      return mark(`requirement/${ch.requirement.id}`);
    }
    case 'addRefusalGround':
      addUnique(r.refusalGrounds, fillTest(ch.refusalGround, file), 'weigeringsgrond', 'refusalGround');
      return mark(`refusalGround/${ch.refusalGround.id}`);
    case 'removeRefusalGround': {
      const i = findIndex(r.refusalGrounds, ch.refusalGround, 'weigeringsgrond', 'refusalGround');
      if (i >= 0) r.refusalGrounds.splice(i, 1);
      return mark(`refusalGround/${ch.refusalGround}`);
    }
    case 'setArticle': {
      const i = r.articles.findIndex((a) => a.id === ch.article.id);
      if (i >= 0) r.articles[i] = ch.article;
      else r.articles.push(ch.article);
      return mark(`article/${ch.article.id}`);
    }
    case 'setRanking':
      r.ranking = { basis, order: ch.order };
      return mark('ranking');
    case 'setSearchProfile':
      r.searchProfile = { ...ch.searchProfile, basis: withDefaults(ch.searchProfile.basis, file) };
      return mark('searchProfile');
  }
}

/** After all layers: parameter references resolve, the ranking names exactly the categories there are. */
export function checkReferences(r: Regulation): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const walk = (c: Condition, where: string) => {
    for (const { value } of leavesOf(c)) {
      if (typeof value === 'object' && value !== null && 'param' in value && !parameterOf(r, value.param)) {
        fail(`${where} verwijst naar parameter '${value.param}', die niet bestaat`);
      }
    }
  };
  for (const key of ['requirements', 'refusalGrounds', 'categories'] as const) {
    for (const t of r[key]) walk(t.conditions, `${nodeKind[key]} '${t.id}'`);
  }
  if (!parameterOf(r, r.validity.param)) fail(`validity verwijst naar parameter '${r.validity.param}', die niet bestaat`);
  const ids = new Set(r.categories.map((c) => c.id));
  for (const id of r.ranking.order) if (!ids.has(id)) fail(`ranking noemt categorie '${id}', die niet bestaat`);
  for (const id of ids) if (!r.ranking.order.includes(id)) fail(`categorie '${id}' ontbreekt in de ranking`);
  return problems;
}
