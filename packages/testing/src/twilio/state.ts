import { EventEmitter } from "node:events";
import type { TTwilioAccount, TTwilioAccountInput, TTwilioFailScope, TTwilioFailure, TTwilioSent } from "./types";

/** Twilio's default keywords (US/Canada long codes, Advanced Opt-Out): the stand-in refuses sends with 21610 after STOP. */
const STOP_WORDS = new Set(["STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);
const START_WORDS = new Set(["START", "UNSTOP", "YES"]);

export type TStoredMedia = { sid: string; accountSid: string; bytes: Buffer; mimeType: string };

/** Everything the stand-in knows, in memory. */
export class TwilioState {
  readonly accounts = new Map<string, TTwilioAccount>();
  readonly sentLog: TTwilioSent[] = [];
  readonly media = new Map<string, TStoredMedia>();
  /** "<accountSid> <customer number>" of customers who sent STOP. */
  readonly optedOut = new Set<string>();
  readonly events = new EventEmitter();
  private failures: { failure: TTwilioFailure; times: number; on: TTwilioFailScope; accountSid?: string }[] = [];

  /** Adds an account, or more numbers to one already known (each with its own settings). */
  addAccount(input: TTwilioAccountInput): TTwilioAccount {
    const known = this.accounts.get(input.accountSid);
    const account: TTwilioAccount = {
      messagingServiceSid: null,
      label: input.accountSid,
      ...input,
      numbers: [...new Set([...(known?.numbers ?? []), ...input.numbers])],
      numberSettings: { ...known?.numberSettings, ...input.numberSettings },
      friendlyName: input.label ?? input.accountSid,
    };
    this.accounts.set(account.accountSid, account);
    this.events.emit("accounts");
    return account;
  }

  /** Where a number's inbound SMS go, and its label. */
  numberOf(account: TTwilioAccount, number: string) {
    const own = account.numberSettings[number];
    return {
      inboundUrl: own?.inboundUrl !== undefined ? own.inboundUrl : account.inboundUrl,
      label: own?.label ?? account.label,
    };
  }

  /** The account that owns a number (inbound from the simulator names the dealer's number). */
  accountByNumber(number: string): TTwilioAccount | undefined {
    return [...this.accounts.values()].find((a) => a.numbers.includes(number));
  }

  failNext(failure: TTwilioFailure, options: { times?: number; on?: TTwilioFailScope; accountSid?: string } = {}) {
    this.failures.push({
      failure,
      times: options.times ?? 1,
      on: options.on ?? "send",
      accountSid: options.accountSid,
    });
  }

  clearFailures() {
    this.failures = [];
  }

  /** The failure for this request, if one is armed (each use counts down). */
  takeFailure(scope: Exclude<TTwilioFailScope, "any">, accountSid: string): TTwilioFailure | null {
    const index = this.failures.findIndex(
      (f) => (f.on === scope || f.on === "any") && (!f.accountSid || f.accountSid === accountSid),
    );
    const found = this.failures[index];
    if (!found) return null;
    found.times -= 1;
    if (found.times <= 0) this.failures.splice(index, 1);
    return found.failure;
  }

  /** An inbound keyword changes the stand-in's own opt-out list, as Twilio's does. Returns Twilio's OptOutType. */
  noteKeyword(accountSid: string, from: string, body: string): "STOP" | "START" | null {
    const word = body.trim().replace(/\s+/g, " ").toUpperCase();
    if (STOP_WORDS.has(word)) {
      this.optedOut.add(`${accountSid} ${from}`);
      return "STOP";
    }
    if (START_WORDS.has(word)) {
      this.optedOut.delete(`${accountSid} ${from}`);
      return "START";
    }
    return null;
  }

  recordSent(message: TTwilioSent) {
    this.sentLog.push(message);
    if (this.sentLog.length > 5000) this.sentLog.shift();
    this.events.emit("sent", message);
  }

  setStatus(message: TTwilioSent, status: TTwilioSent["status"], errorCode: number | null = null) {
    message.status = status;
    message.errorCode = errorCode;
    this.events.emit("status", message);
  }

  reset() {
    this.sentLog.length = 0;
    this.media.clear();
    this.optedOut.clear();
    this.failures = [];
  }
}
