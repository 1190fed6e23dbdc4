import { CodedError } from '../errors/coded-error';
import type { Caller } from './api-tokens';

/** Whether a caller may write flights with this designator: any, or one starting with one of its airlines. */
export const mayWriteFlight = ({ airlines }: Caller, designator: string) => airlines === null || airlines.some((airline) => designator.startsWith(airline));

/** The refusal of a flight outside the caller's airlines (403 `forbidden`). */
export const outsideAirlines = ({ name, airlines }: Caller, designator: string) =>
  new CodedError('forbidden', `The token "${name}" may write only flights of ${airlines?.join(', ')}; ${designator} is not one of them.`);
