/*
 * What the mock runtime answers for resources and provider functions, so the program sees values
 * shaped like the real ones (ARNs, digests, DNS targets) without a cloud. One file per concern; each
 * exports a table keyed by resource type (or function token).
 */

import { dockerStates } from "./docker";
import { herokuStates } from "./heroku";

/** Extra state for a new resource of a given type, on top of its inputs. */
export type StateMock = (name: string, inputs: Record<string, unknown>) => Record<string, unknown>;
/** Answer of a provider function, from its inputs. */
export type CallMock = (inputs: Record<string, unknown>) => Record<string, unknown>;

const states: Record<string, StateMock> = { ...dockerStates, ...herokuStates };
const calls: Record<string, CallMock> = {};

/** State the mock runtime returns for a new resource, on top of its inputs. */
export function mockState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  return states[type]?.(name, inputs) ?? {};
}

/** Answer to a provider function; unknown tokens fail, naming the token, so nothing is silently faked. */
export function mockCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const call = calls[token];
  if (call === undefined) throw new Error(`mock runtime: no answer for provider function ${token}; add one in synth/mocks/`);
  return call(inputs);
}
