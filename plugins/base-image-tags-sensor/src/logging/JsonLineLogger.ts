import { LoggerLike } from '@base-image-tags/plugin-base-image-tags-node';

/**
 * Log levels, most severe first.
 *
 * @public
 */
export type SensorLogLevel = 'error' | 'warn' | 'info' | 'debug';

const severity: Record<SensorLogLevel, number> = {
  error: 0,
  warn: 1,
  info: 2,
  debug: 3,
};

/**
 * Writes one JSON object per line, the format container log collectors
 * read best. Callers pass no credentials; messages and fields are written
 * as given.
 *
 * @public
 */
export class JsonLineLogger implements LoggerLike {
  private readonly level: SensorLogLevel;
  private readonly write: (line: string) => void;

  constructor(options?: {
    level?: SensorLogLevel;
    write?: (line: string) => void;
  }) {
    this.level = options?.level ?? 'info';
    this.write = options?.write ?? (line => process.stdout.write(line));
  }

  error(message: string, meta?: Record<string, unknown>): void {
    this.log('error', message, meta);
  }

  warn(message: string, meta?: Record<string, unknown>): void {
    this.log('warn', message, meta);
  }

  info(message: string, meta?: Record<string, unknown>): void {
    this.log('info', message, meta);
  }

  debug(message: string, meta?: Record<string, unknown>): void {
    this.log('debug', message, meta);
  }

  private log(
    level: SensorLogLevel,
    message: string,
    meta?: Record<string, unknown>,
  ) {
    if (severity[level] > severity[this.level]) {
      return;
    }
    const fixed = { time: new Date().toISOString(), level, message };
    // The fixed fields come first and cannot be overwritten by meta.
    this.write(`${JSON.stringify({ ...fixed, ...meta, ...fixed })}\n`);
  }
}
