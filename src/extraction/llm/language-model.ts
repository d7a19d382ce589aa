import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';

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

export function languageModelFor(settings: LlmSettings): LanguageModel {
  const { apiKey, baseUrl: baseURL, model } = settings;
  switch (settings.provider) {
    case 'openai':
      return createOpenAI({ apiKey, baseURL })(model);
    case 'anthropic':
      return createAnthropic({ apiKey, baseURL })(model);
    case 'google':
      return createGoogleGenerativeAI({ apiKey, baseURL })(model);
    case 'openai-compatible':
      if (!baseURL) throw new Error('an openai-compatible LLM needs llm.baseUrl (OFFERFLOW_LLM_BASE_URL)');
      return createOpenAICompatible({ name: 'openai-compatible', apiKey, baseURL, supportsStructuredOutputs: true })(model);
  }
}
