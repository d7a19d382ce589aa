import type { DocumentLanguage } from './document-language.js';

export interface QuestionTexts {
  intro: string;
  howToAnswer: string;
  closing: string;
}

export const QUESTION_TEXTS: Record<DocumentLanguage, QuestionTexts> = {
  fi: {
    intro: 'kiitos tarjouspyynnöstänne. Jotta tarjous olisi oikea, tarkentaisitteko seuraavat rivit:',
    howToAnswer: 'Voitte vastata tähän viestiin vaihtoehdon numerolla, tuotekoodilla tai omin sanoin.',
    closing: 'Ystävällisin terveisin',
  },
  sv: {
    intro: 'tack för er offertförfrågan. För att offerten ska bli rätt, kunde ni förtydliga följande rader:',
    howToAnswer: 'Svara gärna på detta mejl med alternativets nummer, produktkoden eller med egna ord.',
    closing: 'Med vänliga hälsningar',
  },
  en: {
    intro: 'thank you for your request for quotation. So that the offer is right, could you tell us more about these lines:',
    howToAnswer: 'Please reply to this mail with the number of the choice, the product code, or in your own words.',
    closing: 'Kind regards',
  },
};
