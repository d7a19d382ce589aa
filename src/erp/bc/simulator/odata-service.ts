import type { Clock } from '../../../time/clock.js';
import { BLANK_ENUM_MEMBER, COMPANIES, CUSTOMERS, ITEMS, SALES_QUOTE_LINES, SALES_QUOTES, SALESPEOPLE, type EntitySet } from './entities.js';
import { badRequest, notFound, ODataError, resourceNotFound } from './odata-error.js';
import { arrange, NO_OPTIONS, pageOf, parseODataQuery, preferredPageSize, skipTokenOf, type ODataQuery } from './odata-query.js';
import { createLine, createQuote, deleteLine, deleteQuote, patchLine, patchQuote, type QuoteContext } from './quotes.js';
import { printQuote } from './quote-print.js';
import type { Segment } from './resource-path.js';
import type { BcSimulatorStore, StoredRecord } from './store.js';
import type { BcVariant } from './variants.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One API call, its path already split into segments. */
export interface ODataRequest {
  method: Method;
  segments: Segment[];
  /** The path below the API base, e.g. `/companies(…)/items`, for contexts and next links. */
  path: string;
  /** `http://host:port` as the client addressed the server: links it follows must reach the same. */
  origin: string;
  params: URLSearchParams;
  prefer: string | undefined;
  ifMatch: string | undefined;
  /** The language a print is asked in, as BC takes it. */
  acceptLanguage: string | undefined;
  body: unknown;
}

export interface Answer {
  status: number;
  /** JSON, or the bytes of a media resource (a quote's PDF) with its `contentType`. */
  body?: unknown;
  contentType?: string;
  etag?: string;
  headers?: Record<string, string>;
}

/** The entity sets under a company, and what each may `$expand`. */
const COMPANY_SETS: Record<string, { set: EntitySet; expand: string[] }> = {
  customers: { set: CUSTOMERS, expand: [] },
  items: { set: ITEMS, expand: [] },
  salespeoplePurchasers: { set: SALESPEOPLE, expand: [] },
  salesQuotes: { set: SALES_QUOTES, expand: ['salesQuoteLines'] },
  salesQuoteLines: { set: SALES_QUOTE_LINES, expand: [] },
};

const INVALID_TOKEN = 'Could not validate the client concurrency token required by the service. Please provide a valid token in the client request.';

/** BC's weak ETag: opaque base64, made from the record's write count so that every write changes it. */
const etagOf = (record: StoredRecord) => `W/"${Buffer.from(`'${record.version};${record.doc.id};'`).toString('base64')}"`;

/** Whether an If-Match value is an ETag this server could have made, stale or not. */
const isOurEtag = (tag: string) => /^W\/"[A-Za-z0-9+/]+=*"$/.test(tag) && /^'\d+;[0-9a-f-]{36};'$/.test(Buffer.from(tag.slice(3, -1), 'base64').toString());

/** BC's own wording, as reported in hougaard/Simple-Object-Designer#100. */
const methodNotAllowed = (method: string, name: string, kind: 'Collection' | 'Entity') =>
  new ODataError(405, 'BadRequest_MethodNotAllowed', `'${method}' requests for '${name}' of EdmType '${kind}' are not allowed within Dynamics 365 Business Central OData web services.`);

/** The OData side of the simulator: resolves a call's path to companies, entity sets and entities, and answers it. */
export class ODataService {
  constructor(
    private readonly store: BcSimulatorStore,
    private readonly clock: Clock,
    /** `/v2.0/{tenant}/{environment}/api/v2.0` */
    private readonly apiBase: string,
    private readonly variant: () => BcVariant,
  ) {}

  async handle(request: ODataRequest): Promise<Answer> {
    const [first, second, third, ...rest] = request.segments;
    if (first?.key && second?.name === 'salesQuotes' && second.key && third?.name === 'pdfDocument') return this.pdfDocument(request, first.key, second.key, rest);
    if (!first || first.name !== 'companies' || rest.length > 0) throw resourceNotFound(request.segments.map((s) => s.name).join('/') || '(none)');
    if (!second) return this.companies(request, first.key);
    if (first.key === null) throw resourceNotFound(second.name);
    const companyId = (await this.companyOf(first.key)).doc.id;
    const entry = COMPANY_SETS[second.name];
    if (!entry) throw resourceNotFound(second.name);
    const variant = this.variant();
    const ctx: QuoteContext = { store: this.store, companyId, now: this.clock.now().toISOString(), acceptsClientIds: variant.clientIds === 'accepted', ignoresReadOnly: variant.readOnlyWrites === 'ignored' };
    if (third) return this.quoteLines(request, ctx, second, third);
    if (second.key === null) return this.collection(request, ctx, second.name);
    const record = await this.store.get(second.name, companyId, second.key);
    if (!record) throw notFound(entry.set.entity, second.key);
    return this.entity(request, ctx, second.name, record);
  }

  private async companies(request: ODataRequest, id: string | null): Promise<Answer> {
    if (request.method !== 'GET') throw methodNotAllowed(request.method, 'companies', id === null ? 'Collection' : 'Entity');
    if (id === null) return this.list(request, await this.store.companies(), COMPANIES, [], '');
    const company = await this.companyOf(id);
    return this.single(request, 200, company, company.doc.id, request.path, parseODataQuery(request.params, COMPANIES, []));
  }

  /**
   * `salesQuotes({id})/pdfDocument`: the print's entity, linking to its content;
   * `…/pdfDocument/pdfDocumentContent`: the PDF itself, in the Accept-Language's language.
   */
  private async pdfDocument(request: ODataRequest, companyKey: string, quoteKey: string, rest: Segment[]): Promise<Answer> {
    if (request.method !== 'GET') throw methodNotAllowed(request.method, 'pdfDocument', 'Entity');
    const companyId = (await this.companyOf(companyKey)).doc.id;
    const quote = await this.store.get('salesQuotes', companyId, quoteKey);
    if (!quote) throw notFound(SALES_QUOTES.entity, quoteKey);
    const link = `${request.origin}${this.apiBase}/companies(${companyId})/salesQuotes(${quoteKey})/pdfDocument/pdfDocumentContent`;
    if (rest.length === 0) {
      return { status: 200, body: { '@odata.context': `${request.origin}${this.apiBase}/$metadata#companies(${companyId})/salesQuotes(${quoteKey})/pdfDocument/$entity`, id: quoteKey, parentId: quoteKey, parentType: 'Sales Quote', 'pdfDocumentContent@odata.mediaReadLink': link } };
    }
    if (rest.length !== 1 || rest[0]!.name !== 'pdfDocumentContent' || rest[0]!.key !== null) throw resourceNotFound(rest.map((r) => r.name).join('/'));
    const lines = (await this.store.list('salesQuoteLines', companyId, quoteKey)).map((r) => r.doc).sort((a, b) => Number(a.sequence) - Number(b.sequence));
    const doc = quote.doc;
    const pdf = await printQuote(
      {
        number: String(doc.number),
        customerName: String(doc.customerName ?? ''),
        externalDocumentNumber: String(doc.externalDocumentNumber ?? ''),
        documentDate: String(doc.documentDate ?? ''),
        lines: lines
          .filter((l) => l.lineType === 'Item')
          .map((l) => ({ lineObjectNumber: String(l.lineObjectNumber), description: String(l.description ?? ''), quantity: Number(l.quantity), unitPrice: Number(l.unitPrice), discountPercent: Number(l.discountPercent), amount: Number(l.amountExcludingTax ?? l.netAmount ?? 0) })),
        totalExcludingTax: Number(doc.totalAmountExcludingTax ?? 0),
        totalIncludingTax: Number(doc.totalAmountIncludingTax ?? 0),
      },
      request.acceptLanguage,
    );
    return { status: 200, body: pdf, contentType: 'application/pdf' };
  }

  private async companyOf(id: string): Promise<StoredRecord> {
    const company = await this.store.get('companies', id, id);
    if (!company) throw new ODataError(404, 'Internal_CompanyNotFound', `The company '${id}' does not exist.`);
    return company;
  }

  private async collection(request: ODataRequest, ctx: QuoteContext, name: string): Promise<Answer> {
    const { set, expand } = COMPANY_SETS[name]!;
    if (request.method === 'GET') {
      if (name === 'salesQuoteLines') return this.topLevelLines(request, ctx);
      return this.list(request, await this.store.list(name, ctx.companyId), set, expand, ctx.companyId);
    }
    if (request.method !== 'POST' || (name !== 'salesQuotes' && name !== 'salesQuoteLines')) throw methodNotAllowed(request.method, name, 'Collection');
    const { body } = request;
    if (name === 'salesQuotes') {
      const quote = await this.store.transaction((store) => createQuote({ ...ctx, store }, body));
      const deep = typeof body === 'object' && body !== null && 'salesQuoteLines' in body;
      return this.created(request, quote, ctx.companyId, deep ? ['salesQuoteLines'] : []);
    }
    const documentId = (body as { documentId?: unknown } | undefined)?.documentId;
    const quote = typeof documentId === 'string' ? await this.store.get('salesQuotes', ctx.companyId, documentId.toLowerCase()) : null;
    if (!quote) throw badRequest('A "documentId" of an existing sales quote must be provided to create a line here.');
    return this.created(request, await this.store.transaction((store) => createLine({ ...ctx, store }, quote, body)), ctx.companyId);
  }

  /** The top-level lines set loads lines by document, so it needs a documentId to list any. */
  private async topLevelLines(request: ODataRequest, ctx: QuoteContext): Promise<Answer> {
    const documentId = /documentId\s+eq\s+([0-9a-fA-F-]{36})/.exec(request.params.get('$filter') ?? '')?.[1];
    if (!documentId) throw new ODataError(400, 'Application_DialogException', 'You must specify an Id or a Document Id to get the lines.');
    return this.list(request, await this.store.list('salesQuoteLines', ctx.companyId, documentId.toLowerCase()), SALES_QUOTE_LINES, [], ctx.companyId);
  }

  private async quoteLines(request: ODataRequest, ctx: QuoteContext, quoteSegment: Segment, linesSegment: Segment): Promise<Answer> {
    if (quoteSegment.name !== 'salesQuotes' || quoteSegment.key === null || linesSegment.name !== 'salesQuoteLines') throw resourceNotFound(linesSegment.name);
    const quote = await this.store.get('salesQuotes', ctx.companyId, quoteSegment.key);
    if (!quote) throw notFound('salesQuote', quoteSegment.key);
    if (linesSegment.key === null) {
      if (request.method === 'GET') return this.list(request, await this.store.list('salesQuoteLines', ctx.companyId, quote.doc.id), SALES_QUOTE_LINES, [], ctx.companyId);
      if (request.method !== 'POST') throw methodNotAllowed(request.method, 'salesQuoteLines', 'Collection');
      return this.created(request, await this.store.transaction((store) => createLine({ ...ctx, store }, quote, request.body)), ctx.companyId);
    }
    const line = await this.store.get('salesQuoteLines', ctx.companyId, linesSegment.key);
    if (!line || line.parentId !== quote.doc.id) throw notFound('salesQuoteLine', linesSegment.key);
    return this.entity(request, ctx, 'salesQuoteLines', line);
  }

  private async entity(request: ODataRequest, ctx: QuoteContext, name: string, found: StoredRecord): Promise<Answer> {
    const { set, expand } = COMPANY_SETS[name]!;
    if (request.method === 'GET') return this.single(request, 200, found, ctx.companyId, request.path, parseODataQuery(request.params, set, expand));
    if ((request.method !== 'PATCH' && request.method !== 'DELETE') || (name !== 'salesQuotes' && name !== 'salesQuoteLines')) throw methodNotAllowed(request.method, name, 'Entity');
    // Checked and written in one transaction, so that of two writes with the same ETag only the first lands.
    const updated = await this.store.transaction(async (store) => {
      const record = await store.get(name, ctx.companyId, found.doc.id);
      if (!record) throw notFound(set.entity, found.doc.id);
      this.checkIfMatch(request.ifMatch, record);
      const inTransaction = { ...ctx, store };
      if (request.method === 'DELETE') {
        await (name === 'salesQuotes' ? deleteQuote(inTransaction, record) : deleteLine(inTransaction, record));
        return null;
      }
      return name === 'salesQuotes' ? patchQuote(inTransaction, record, request.body) : patchLine(inTransaction, record, request.body);
    });
    return updated ? this.single(request, 200, updated, ctx.companyId, request.path, null) : { status: 204 };
  }

  /** If-Match is required on PATCH and DELETE (dev-itpro/webservices/use-odata-to-modify-data.md); `*` matches anything. */
  private checkIfMatch(given: string | undefined, record: StoredRecord): void {
    if (given === undefined || given === '') throw new ODataError(this.variant().missingIfMatchStatus, 'BadRequest_InvalidToken', INVALID_TOKEN);
    const tags = given.split(',').map((tag) => tag.trim());
    if (tags.includes('*') || tags.includes(etagOf(record))) return;
    if (!tags.some(isOurEtag)) throw new ODataError(400, 'BadRequest_InvalidToken', INVALID_TOKEN);
    throw new ODataError(this.variant().staleEtagStatus, 'Request_EntityChanged', 'Another user has already changed the record.');
  }

  /** `@odata.context`: the entity set's path, and `/$entity` after it for a single entity. */
  private contextOf(request: ODataRequest, path: string, entity: boolean): string {
    const relative = path.replace(/^\//, '');
    return `${request.origin}${this.apiBase}/$metadata#${entity ? `${relative.replace(/\([^()]*\)$/, '')}/$entity` : relative}`;
  }

  private async present(record: StoredRecord, companyId: string, query: ODataQuery | null): Promise<Record<string, unknown>> {
    const names = query?.select ?? Object.keys(record.doc);
    const blank = this.variant().blankEnumMember;
    const shown: Record<string, unknown> = { '@odata.etag': etagOf(record) };
    for (const name of names) shown[name] = record.doc[name] === BLANK_ENUM_MEMBER ? blank : record.doc[name];
    if (query?.expand.includes('salesQuoteLines')) {
      const lines = (await this.store.list('salesQuoteLines', companyId, record.doc.id)).sort((a, b) => Number(a.doc.sequence) - Number(b.doc.sequence));
      shown.salesQuoteLines = lines.map((line) => ({ '@odata.etag': etagOf(line), ...line.doc }));
    }
    return shown;
  }

  private async list(request: ODataRequest, records: StoredRecord[], set: EntitySet, expand: string[], companyId: string): Promise<Answer> {
    const query = parseODataQuery(request.params, set, expand);
    const byId = new Map(records.map((r) => [r.doc.id, r]));
    const rows = arrange(
      records.map((r) => r.doc),
      query,
      set,
    );
    const asked = preferredPageSize(request.prefer);
    const { page, nextOffset } = pageOf(rows, query, asked ?? this.variant().defaultPageSize);
    const body: Record<string, unknown> = { '@odata.context': this.contextOf(request, request.path, false) };
    if (query.count) body['@odata.count'] = rows.length;
    body.value = await Promise.all(page.map((row) => this.present(byId.get(String(row.id))!, companyId, query)));
    if (nextOffset !== null) {
      const next = new URLSearchParams(request.params);
      next.set('$skiptoken', skipTokenOf(nextOffset));
      body['@odata.nextLink'] = `${request.origin}${this.apiBase}${request.path}?${next.toString()}`;
    }
    return { status: 200, body, headers: asked === null ? {} : { 'Preference-Applied': `odata.maxpagesize=${asked}` } };
  }

  private async single(request: ODataRequest, status: number, record: StoredRecord, companyId: string, path: string, query: ODataQuery | null): Promise<Answer> {
    return { status, etag: etagOf(record), body: { '@odata.context': this.contextOf(request, path, true), ...(await this.present(record, companyId, query)) } };
  }

  /** 201 with the new entity and where it lives; a deep insert answers its lines inline, as OData has it answer what it created. */
  private async created(request: ODataRequest, record: StoredRecord, companyId: string, expand: string[] = []): Promise<Answer> {
    const path = `${request.path}(${record.doc.id})`;
    const answer = await this.single(request, 201, record, companyId, path, expand.length ? { ...NO_OPTIONS, expand } : null);
    return { ...answer, headers: { Location: `${request.origin}${this.apiBase}${path}` } };
  }
}
