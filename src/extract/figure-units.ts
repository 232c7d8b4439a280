// Units of measure a statistic is given in, attached to the number or after it: data rates ("8Mbps",
// "512 kbps"), data sizes ("60GB"), frequencies ("3.8GHz"), power and energy ("4,200 MW", "5 kWh") and
// image sizes ("5 megapixel"). A closed class: distances, weights and times stay out (a "320kg" is a
// measurement, a "100m" a race), as the annotation guide counts them as no statistics.

const UNITS: Record<string, string> = {
  bps: "bps",
  kbps: "kbps",
  mbps: "Mbps",
  gbps: "Gbps",
  tbps: "Tbps",
  "kbit/s": "kbps",
  "mbit/s": "Mbps",
  "gbit/s": "Gbps",
  kb: "KB",
  mb: "MB",
  gb: "GB",
  tb: "TB",
  khz: "kHz",
  mhz: "MHz",
  ghz: "GHz",
  kw: "kW",
  mw: "MW",
  gw: "GW",
  kwh: "kWh",
  mwh: "MWh",
  gwh: "GWh",
  twh: "TWh",
  megapixel: "megapixels",
  megapixels: "megapixels",
  gigapixel: "gigapixels",
  gigapixels: "gigapixels",
  megabit: "megabits",
  megabits: "megabits",
  gigabit: "gigabits",
  gigabits: "gigabits",
  kilobit: "kilobits",
  kilobits: "kilobits",
  megabyte: "megabytes",
  megabytes: "megabytes",
  gigabyte: "gigabytes",
  gigabytes: "gigabytes",
  terabyte: "terabytes",
  terabytes: "terabytes",
  megawatt: "megawatts",
  megawatts: "megawatts",
  gigawatt: "gigawatts",
  gigawatts: "gigawatts",
  kilowatt: "kilowatts",
  kilowatts: "kilowatts",
};

const UNIT = /^(?:\s?(kbit\/s|mbit\/s|gbit\/s|[kmgt]?bps|[kmg]b|[kmg]hz|[kmg]wh?|twh|(?:mega|giga|kilo|tera)(?:pixel|bit|byte|watt)s?)|(tb))(?![\p{L}\d])/iu;

/** The unit of measure right after a number ("Mbps" in "8Mbps broadband") and its length, or null. */
export function unitAfter(rest: string): { unit: string; length: number } | null {
  const m = UNIT.exec(rest);
  if (!m) return null;
  // "Mb" (a capital M, a small b) is megabits, as broadband is sold; "MB" and "mb" are read as megabytes.
  // "TB" only written onto the number ("2TB"): "2,000 TB cases" are tuberculosis.
  const written = m[1] ?? m[2];
  const unit =
    /^[kmgt]b$/i.test(written) && written[1] === "b" && written !== written.toLowerCase() ? `${written[0].toUpperCase()}b` : UNITS[written.toLowerCase()];
  return { unit, length: m[0].length };
}
