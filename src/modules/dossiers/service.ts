import { keyedRateLimit } from '../../http/plugins/rate-limit.ts';
import type { AuthContext } from '../accounts/sessions.ts';
import type { ModuleDeps } from '../deps.ts';
import type { LegalTimeService } from '../legal-time/service.ts';
import { act } from './actions.ts';
import { amendForm, amendOnline } from './amend.ts';
import type { DossierContext, DraftResultMaker } from './context.ts';
import {
  assertOfficial,
  dossierProcess,
  assigneeChoices,
  dossierDetail,
  factorMatches,
  lookupApplicants,
} from './detail.ts';
import { trackDossier } from './track.ts';
import { readFile, uploadFile } from './files.ts';
import { markNoticesRead, myDossiers, myNotices } from './mine.ts';
import { receiveAtCounter, submitOnline } from './receive.ts';
import { EntryFacts } from './entry.ts';
import type { AmendBody } from './amend-schema.ts';
import type { ActionBody, ListQuery, ReceiveBody, SubmitBody } from './schema.ts';
import type { DossierCaller } from './store.ts';
import { findDossier, officialPlace } from './store.ts';
import { trackingPath, verifyTrackingToken } from './tracking-token.ts';
import { countLists, listDossiers } from './worklists.ts';

export type { DossierCaller } from './store.ts';

/**
 * Dossier handling in the one-stop back office (Annex I; Annex II groups 5–11, 15, 18–20, 22–23), from
 * receipt to the returned result, and the tracking answer of the portal and kiosks. Every change is
 * one transaction that locks the dossier, checks partition, status and assignment, and appends to the
 * dossier's hash-chained history (which is the audit trail of dossier actions, decision 0006).
 */
export class DossiersService {
  private readonly ctx: DossierContext;
  private readonly config: ModuleDeps['config'];

  constructor(deps: ModuleDeps & { legalTime: LegalTimeService }) {
    this.config = deps.config;
    this.ctx = {
      db: deps.database.db,
      legalTime: deps.legalTime,
      entries: new EntryFacts(deps.database),
      afterCommit: deps.afterCommit,
    };
  }

  private get db() {
    return this.ctx.db;
  }

  private async place(auth: AuthContext) {
    return officialPlace(this.db, auth);
  }

  /** Receipt at the counter with its decision; returns the new dossier's id. */
  async receive(c: DossierCaller, body: ReceiveBody): Promise<string> {
    const id = await receiveAtCounter(this.ctx, c, body);
    this.ctx.afterCommit();
    return id;
  }

  /** Online submission by a signed-in applicant ("Mới đăng ký"); returns the new dossier's id. */
  async submit(c: DossierCaller, body: SubmitBody): Promise<string> {
    const id = await submitOnline(this.ctx, c, body);
    this.ctx.afterCommit();
    return id;
  }

  /** Lets the finish step draw its result from the procedure's result template (`useDraftResult`). */
  bindDraftResults(maker: DraftResultMaker): void {
    this.ctx.draftResult = maker;
  }

  act(c: DossierCaller, id: string, body: ActionBody): Promise<void> {
    return act(this.ctx, c, id, body);
  }

  /** The applicant changes their online dossier before receipt ("Mới đăng ký", not cancelled). */
  amend(c: DossierCaller, id: string, body: AmendBody): Promise<void> {
    return amendOnline(this.ctx, c, id, body);
  }

  /** The applicant's own dossier as the submission page shows it for change (404 for anyone else). */
  amendForm(auth: AuthContext | undefined, id: string) {
    return amendForm(this.db, auth, id);
  }

  async detail(auth: AuthContext | undefined, id: string) {
    if (!auth) return dossierDetail(this.db, auth, null, id);
    return dossierDetail(this.db, auth, auth.account.kind === 'official' ? await this.place(auth) : null, id);
  }

  /** The process version the dossier runs on (for its diagram), for whoever may read the dossier. */
  async process(auth: AuthContext | undefined, id: string) {
    return dossierProcess(
      this.db,
      auth,
      auth?.account.kind === 'official' ? await this.place(auth) : null,
      id,
    );
  }

  /** The id of a dossier by its code, for whoever may read it (scanner input, links by code). */
  async idByCode(auth: AuthContext | undefined, code: string): Promise<string | null> {
    assertOfficial(auth);
    const row = await this.db
      .selectFrom('dossiers')
      .select('id')
      .where('code', '=', code.trim().toUpperCase())
      .executeTakeFirst();
    if (!row) return null;
    await this.detail(auth, row.id);
    return row.id;
  }

  async list(auth: AuthContext | undefined, q: ListQuery) {
    assertOfficial(auth);
    return listDossiers(this.db, auth, await this.place(auth), q);
  }

  async counts(auth: AuthContext | undefined) {
    assertOfficial(auth);
    return countLists(this.db, auth, await this.place(auth));
  }

  async assignees(auth: AuthContext | undefined, id: string, transitionId: string | null) {
    assertOfficial(auth);
    return assigneeChoices(this.db, auth, await this.place(auth), id, transitionId);
  }

  applicants(auth: AuthContext | undefined, q: string) {
    return lookupApplicants(this.db, auth, q);
  }

  /**
   * Guessing codes and phone numbers is the attack: 30 tracking lookups a minute per client address,
   * one budget for the page, the signed link and the API together (RateLimitedError when spent).
   */
  readonly spendTrackingLookup: (clientAddress: string) => void = keyedRateLimit({
    max: 30,
    windowMs: 60_000,
  });

  /** Public tracking by code and the applicant's phone or identity number (II.19.1); 404 when either is wrong. */
  track(code: string, factor: { phone?: string | undefined; idNumber?: string | undefined }) {
    return trackDossier(this.db, code, factorMatches(factor));
  }

  /** Public tracking through the receipt's signed link (II.19.2); a wrong token gives the same 404 as an unknown code. */
  trackByToken(code: string, token: string) {
    const valid = verifyTrackingToken(this.config.sessionSecret, code, token);
    return trackDossier(this.db, code, () => valid);
  }

  /** The absolute signed tracking link of a dossier, for the receipt's QR code. */
  trackingUrl(code: string): string {
    return `${this.config.publicUrl}${trackingPath(this.config.sessionSecret, code)}`;
  }

  upload(
    auth: AuthContext | undefined,
    file: { name: string; bytes: Uint8Array; component?: string | null },
  ) {
    return uploadFile(this.db, auth, file);
  }

  file(auth: AuthContext | undefined, fileId: string) {
    return readFile(this.db, auth, fileId);
  }

  /** The dossier row version (for forms that act on a dossier they show). */
  async rowVersion(id: string): Promise<number> {
    return (await findDossier(this.db, id)).row_version;
  }

  /** The signed-in applicant's own dossiers, newest first (III.4.2, III.5.1 a). */
  mine(auth: AuthContext | undefined, q: { cursor?: string | null | undefined; limit?: number | undefined }) {
    return myDossiers(this.db, auth, q);
  }

  /** The signed-in applicant's notices, newest first (III.5.2 a). */
  notices(
    auth: AuthContext | undefined,
    q: { limit?: number | undefined; unread?: boolean | undefined } = {},
  ) {
    return myNotices(this.db, auth, q);
  }

  /** Marks the applicant's notices read: the given ids or all. */
  readNotices(auth: AuthContext | undefined, ids: readonly number[] | 'all') {
    return markNoticesRead(this.db, auth, ids);
  }
}
