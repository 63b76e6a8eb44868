/** Settings shared by client and server (`cardwright.*` in VS Code's settings). */
export interface CardwrightSettings {
  validation: {
    /** Validate model cards and README front matter. */
    enable: boolean;
    /** Milliseconds to wait after the last keystroke before validating. */
    debounceMs: number;
  };
}

export const DEFAULT_SETTINGS: CardwrightSettings = {
  validation: { enable: true, debounceMs: 150 },
};

/** Fills missing or malformed values from the defaults; settings come from users and may be anything. */
export function normalizeSettings(raw: unknown): CardwrightSettings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const validation = input.validation && typeof input.validation === 'object' ? input.validation : {};
  return {
    validation: {
      enable: typeof validation.enable === 'boolean' ? validation.enable : DEFAULT_SETTINGS.validation.enable,
      debounceMs:
        typeof validation.debounceMs === 'number' && validation.debounceMs >= 0 && validation.debounceMs <= 5000
          ? validation.debounceMs
          : DEFAULT_SETTINGS.validation.debounceMs,
    },
  };
}
