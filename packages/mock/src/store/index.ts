import { accountHandlers } from './accounts.js';
import { contractWriteHandlers } from './contract-writes.js';
import { contractHandlers } from './contracts.js';
import type { MockHandlers } from './handler.js';
import { partnerWriteHandlers } from './partner-writes.js';
import { partnerHandlers } from './partners.js';
import { conversationHandlers } from './registration-conversation.js';
import { registrationHandlers } from './registrations.js';
import { reservationHandlers } from './reservations.js';
import { scorecardWriteHandlers } from './scorecard-writes.js';
import { scorecardHandlers } from './scorecards.js';
import { sessionHandlers } from './sessions.js';

/** Every endpoint the mock implements; the others answer 501 `not_implemented`. */
export const allHandlers: MockHandlers = {
  ...sessionHandlers,
  ...accountHandlers,
  ...reservationHandlers,
  ...registrationHandlers,
  ...conversationHandlers,
  ...contractHandlers,
  ...contractWriteHandlers,
  ...partnerHandlers,
  ...partnerWriteHandlers,
  ...scorecardHandlers,
  ...scorecardWriteHandlers,
};
