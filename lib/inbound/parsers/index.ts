import type { ZodError } from "zod";
import type { IntegrationType } from "../../db/schema/enums";
import type { ParsedPayload } from "../normalized-alert";
import { ALERTMANAGER_EXPECTED, parseAlertmanager } from "./alertmanager";
import { DATADOG_EXPECTED, parseDatadog } from "./datadog";
import { GENERIC_EXPECTED, parseGeneric } from "./generic";
import { OPSGENIE_EXPECTED, parseOpsgenie } from "./opsgenie";
import { PAGERDUTY_EXPECTED, parsePagerDuty } from "./pagerduty";

type Parser = (body: unknown) => { payload: ParsedPayload } | { error: ZodError };

/** One parser per alerting tool; heartbeats carry no payload worth parsing. */
export const PARSERS: Record<
  Exclude<IntegrationType, "heartbeat">,
  { parse: Parser; expected: string }
> = {
  alertmanager: { parse: parseAlertmanager, expected: ALERTMANAGER_EXPECTED },
  grafana: { parse: parseAlertmanager, expected: ALERTMANAGER_EXPECTED },
  pagerduty: { parse: parsePagerDuty, expected: PAGERDUTY_EXPECTED },
  opsgenie: { parse: parseOpsgenie, expected: OPSGENIE_EXPECTED },
  datadog: { parse: parseDatadog, expected: DATADOG_EXPECTED },
  generic: { parse: parseGeneric, expected: GENERIC_EXPECTED },
};
