import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Shape, ShapeEntry } from '../logging/response-shapes';

/**
 * The CLI's response shapes between invocations: `sync` keeps the shape (never the values) of
 * each endpoint's last answer here, `diagnostics` reads it. The app keeps them in memory instead.
 */
export const SHAPES_FILE = 'response-shapes.json';

const ShapeSchema: z.ZodType<Shape> = z.lazy(() => z.union([z.string(), z.array(ShapeSchema), z.record(z.string(), ShapeSchema)]));
const ShapeFileSchema = z.object({
  entries: z.array(z.object({ endpoint: z.string(), status: z.number().int(), at: z.string(), shape: ShapeSchema })),
});

/** The entries kept under `home`; a missing or unreadable file is none (it is only a diagnostic aid). */
export function readShapesFile(home: string): ShapeEntry[] {
  try {
    const parsed = ShapeFileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(home, SHAPES_FILE), 'utf8')));
    return parsed.success ? parsed.data.entries : [];
  } catch {
    return [];
  }
}

/** Replaces the file under `home` with `entries` (owner-only, written whole then renamed). */
export function writeShapesFile(home: string, entries: readonly ShapeEntry[]): void {
  const file = path.join(home, SHAPES_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify({ entries }), { mode: 0o600 });
  fs.renameSync(temp, file);
}
