/**
 * The many ways volunteers and time-bank members write a duration by hand.
 */
import type { Random } from "./random.ts";
import { decimalComma } from "./csv.ts";

/** A duration cell: either typed text or a real number of hours. */
export type DurationCell = string | number;

/**
 * Writes a duration in hours as a person would: "1h30", "2h", "01:30", "1,5", or 1.5.
 * @param hours duration in hours (multiple of 0.25)
 * @param style one of "h", "clock", "comma", "number"
 */
export function formatDuration(
  hours: number,
  style: "h" | "clock" | "comma" | "number",
): DurationCell {
  const whole = Math.floor(hours);
  const minutes = Math.round((hours - whole) * 60);
  switch (style) {
    case "h":
      return minutes === 0 ? `${whole}h` : `${whole}h${String(minutes).padStart(2, "0")}`;
    case "clock":
      return `${String(whole).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
    case "comma":
      return decimalComma(hours);
    default:
      return hours;
  }
}

/**
 * Draws a writing style for a duration.
 * @param rng random stream
 * @param weights weights for h, clock, comma, number
 */
export function pickDurationStyle(
  rng: Random,
  weights: [number, number, number, number],
): "h" | "clock" | "comma" | "number" {
  return rng.weighted(["h", "clock", "comma", "number"] as const, weights);
}
