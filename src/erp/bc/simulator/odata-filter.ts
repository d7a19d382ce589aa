import { BLANK_ENUM_MEMBER, type EntitySet, type Property, type PropertyType } from './entities.js';
import { badRequest, ODataError, unknownProperty } from './odata-error.js';

/**
 * The `$filter` subset Business Central API v2.0 clients use: comparisons (eq ne gt ge lt le)
 * and `in (…)`, joined by and/or with parentheses, and contains/startswith/endswith.
 * Hand-written because the OData parsers on npm build SQL or ASTs for other servers' dialects:
 * none checks literals against BC's property types and field lengths, refuses `or` across
 * different fields as BC does (dev-itpro/webservices/use-filter-expressions-in-odata-uris.md),
 * or names what it does not understand in an OData error. What BC supports beyond this subset
 * (tolower, substring, …) is refused by name rather than guessed at.
 */
export type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;

/** A literal of the type of property it may be compared with. */
type Literal = { kind: PropertyType; value: string };
type Token = { kind: 'ident' | 'literal' | '(' | ')' | ','; text: string; at: number; literal?: Literal };

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const STRING_FUNCTIONS = new Set(['contains', 'startswith', 'endswith']);
/** Valid OData that BC accepts but this subset leaves out: refused by name. */
const NOT_SIMULATED = new Set(['not', 'has', 'add', 'sub', 'mul', 'div', 'mod', 'tolower', 'toupper', 'substring', 'length', 'indexof', 'trim', 'concat', 'year', 'month', 'day', 'null']);

const LEXEMES: [RegExp, (text: string) => Literal][] = [
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/, (t) => ({ kind: 'datetime', value: t })],
  [/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/, (t) => ({ kind: 'guid', value: t.toLowerCase() })],
  [/^\d{4}-\d{2}-\d{2}(?![\w-])/, (t) => ({ kind: 'date', value: t })],
  [/^-?\d+(\.\d+)?(?![\w.])/, (t) => ({ kind: 'number', value: t })],
  [/^'(?:[^']|'')*'/, (t) => ({ kind: 'string', value: t.slice(1, -1).replaceAll("''", "'") })],
];

const syntaxError = (at: number, text: string) => badRequest(`Syntax error at position ${at} in '${text}'.`);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    if ('(),'.includes(rest[0]!)) {
      tokens.push({ kind: rest[0] as '(' | ')' | ',', text: rest[0]!, at });
      at += 1;
      continue;
    }
    const lexeme = LEXEMES.map(([pattern, make]) => [pattern.exec(rest), make] as const).find(([match]) => match);
    if (lexeme) {
      const [match, make] = lexeme;
      tokens.push({ kind: 'literal', text: match![0], at, literal: make(match![0]) });
      at += match![0].length;
      continue;
    }
    if (rest.startsWith("'")) throw badRequest(`Unterminated string literal at position ${at} in '${text}'.`);
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (!ident) throw syntaxError(at, text);
    const word = ident[0];
    tokens.push(word === 'true' || word === 'false' ? { kind: 'literal', text: word, at, literal: { kind: 'boolean', value: word } } : { kind: 'ident', text: word, at });
    at += word.length;
  }
  return tokens;
}

/** A parsed condition: the predicate, and the properties it reads (for the `or` rule). */
interface Condition {
  test: Predicate;
  fields: Set<string>;
}

/** The value of a row's property and of a literal brought to one comparable form. */
function comparable(property: Property, value: unknown): string | number | boolean {
  const { type } = property;
  // Either spelling of an enum's blank member names the same member.
  if (property.enum && value === ' ') return BLANK_ENUM_MEMBER.toLowerCase();
  if (type === 'number') return Number(value);
  if (type === 'boolean') return value === true || value === 'true';
  if (type === 'datetime') return Date.parse(String(value));
  // BC's databases use a case-insensitive collation, so its filters on text match regardless of case.
  return String(value ?? '').toLowerCase();
}

function compare(op: string, a: string | number | boolean, b: string | number | boolean): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    default:
      return a <= b;
  }
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
    private readonly set: EntitySet,
  ) {}

  parse(): Predicate {
    if (this.tokens.length === 0) throw badRequest('The $filter expression is empty.');
    const condition = this.or();
    const left = this.tokens[this.at];
    if (left) throw syntaxError(left.at, this.text);
    return condition.test;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private next(): Token {
    const token = this.tokens[this.at];
    if (!token) throw badRequest(`Expression expected at the end of '${this.text}'.`);
    this.at += 1;
    return token;
  }

  private expect(kind: Token['kind']): Token {
    const token = this.next();
    if (token.kind !== kind) throw syntaxError(token.at, this.text);
    return token;
  }

  private keyword(word: string): boolean {
    const token = this.peek();
    if (token?.kind !== 'ident' || token.text !== word) return false;
    this.at += 1;
    return true;
  }

  private or(): Condition {
    let left = this.and();
    while (this.keyword('or')) {
      const right = this.and();
      const fields = new Set([...left.fields, ...right.fields]);
      if (fields.size > 1) throw badRequest(`The 'or' operator is supported only between conditions on the same field; '${[...fields].join("', '")}' are different fields.`);
      const [a, b] = [left.test, right.test];
      left = { test: (row) => a(row) || b(row), fields };
    }
    return left;
  }

  private and(): Condition {
    let left = this.primary();
    while (this.keyword('and')) {
      const right = this.primary();
      const [a, b] = [left.test, right.test];
      left = { test: (row) => a(row) && b(row), fields: new Set([...left.fields, ...right.fields]) };
    }
    return left;
  }

  private primary(): Condition {
    const token = this.next();
    if (token.kind === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (token.kind !== 'ident') throw syntaxError(token.at, this.text);
    if (NOT_SIMULATED.has(token.text)) throw notSimulated(token.text);
    if (this.peek()?.kind === '(') return this.stringFunction(token);
    const property = this.property(token.text);
    const op = this.next();
    if (op.kind !== 'ident') throw syntaxError(op.at, this.text);
    if (NOT_SIMULATED.has(op.text)) throw notSimulated(op.text);
    if (op.text === 'in') return this.inList(token.text, property);
    if (!COMPARISONS.has(op.text)) throw syntaxError(op.at, this.text);
    const value = comparable(property, this.literal(token.text, property).value);
    const name = token.text;
    return { test: (row) => compare(op.text, comparable(property, row[name]), value), fields: new Set([name]) };
  }

  /** `field in ('a','b')`: one of the listed values. */
  private inList(name: string, property: Property): Condition {
    this.expect('(');
    const wanted = new Set([comparable(property, this.literal(name, property).value)]);
    while (this.peek()?.kind === ',') {
      this.next();
      wanted.add(comparable(property, this.literal(name, property).value));
    }
    this.expect(')');
    return { test: (row) => wanted.has(comparable(property, row[name])), fields: new Set([name]) };
  }

  private stringFunction(name: Token): Condition {
    if (!STRING_FUNCTIONS.has(name.text)) throw badRequest(`An unknown function with name '${name.text}' was found.`);
    this.expect('(');
    const field = this.expect('ident');
    const property = this.property(field.text);
    if (property.type !== 'string') throw badRequest(`No function signature for the function with name '${name.text}' matches the property '${field.text}'.`);
    this.expect(',');
    const needle = this.literal(field.text, property).value.toLowerCase();
    this.expect(')');
    const matches = { contains: (s: string) => s.includes(needle), startswith: (s: string) => s.startsWith(needle), endswith: (s: string) => s.endsWith(needle) }[name.text as 'contains'];
    return { test: (row) => matches(String(row[field.text] ?? '').toLowerCase()), fields: new Set([field.text]) };
  }

  private property(name: string): Property {
    const property = this.set.properties[name];
    if (!property) throw unknownProperty(this.set.entity, name);
    return property;
  }

  private literal(field: string, property: Property): Literal {
    const token = this.next();
    if (token.kind === 'ident' && NOT_SIMULATED.has(token.text)) throw notSimulated(token.text);
    if (token.kind !== 'literal') throw syntaxError(token.at, this.text);
    const literal = token.literal!;
    if (literal.kind !== property.type) throw badRequest(`A binary operator with incompatible types was detected: '${field}' is ${property.type}, the value ${token.text} is ${literal.kind}.`);
    if (property.maxLength !== undefined && literal.value.length > property.maxLength) {
      throw new ODataError(
        400,
        'Application_FilterErrorException',
        `The filter on '${field}' is not valid: the length of the string is ${literal.value.length}, but it must be less than or equal to ${property.maxLength} characters.`,
      );
    }
    return literal;
  }
}

const notSimulated = (what: string) => badRequest(`'${what}' in $filter is valid OData but the Business Central simulator does not support it.`);

export function parseFilter(text: string, set: EntitySet): Predicate {
  return new Parser(tokenize(text), text, set).parse();
}
