export const LLM_PROVIDERS = ['openai', 'anthropic', 'google', 'openai-compatible'] as const;

export interface LlmSettings {
  provider: (typeof LLM_PROVIDERS)[number];
  model: string;
  /** Without a key each provider reads its usual variable (OPENAI_API_KEY, ANTHROPIC_API_KEY, ...). */
  apiKey?: string;
  /** Required for openai-compatible servers (Ollama, vLLM); optional for the others. */
  baseUrl?: string;
  timeoutMs: number;
}
