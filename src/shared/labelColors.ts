/** Colours for labels that arrive with imported data (Okabe-Ito, after the three defaults of a new project). */
export const IMPORTED_LABEL_COLORS = ['#e69f00', '#56b4e9', '#cc79a7', '#f0e442', '#000000'];
