export { BibliographyStore } from './store';
