import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { LlmSettings } from './llm-settings.js';

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
