// Zod pieces every report template shares (sizes, colours, page geometry), so each template schema says only
// what is particular to its document.
import { rgb } from 'pdf-lib';
import { z } from 'zod';

/** A size in points (1/72 inch). */
export const pointsSchema = z.number().positive();
export const pointsOrZeroSchema = z.number().min(0);

export const colorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
  .transform((hex) => rgb(...([1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number])));

export const pageSchema = z
  .object({
    size: z.tuple([pointsSchema, pointsSchema]),
    margin: z
      .object({ top: pointsOrZeroSchema, right: pointsOrZeroSchema, bottom: pointsOrZeroSchema, left: pointsOrZeroSchema })
      .strict(),
  })
  .strict();

export const ruleSchema = z.object({ color: colorSchema, width: pointsSchema }).strict();
export const cellPaddingSchema = z.object({ x: pointsOrZeroSchema, y: pointsOrZeroSchema }).strict();
export const lineHeightSchema = z.number().min(1).max(3);
