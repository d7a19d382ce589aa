/** The legal forms that end Nordic and European company names, as they are written. */
export const LEGAL_FORMS = ['Oyj', 'Oy', 'Abp', 'Ab', 'AB', 'Ky', 'Tmi', 'Ay', 'Ltd', 'GmbH', 'AS', 'ApS', 'Inc'];
